using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// How a query's executor is compiled: as EF compiles it, except that each lambda nested in it which
/// uses nothing from outside itself (the shaper that turns a row into a result, above all) is
/// compiled once, on its own, and used as a constant.
/// </summary>
/// <remarks>
/// <para>
/// EF builds the executor as one expression tree with the shaper as a lambda inside it. A compiled
/// expression cannot refer to a nested lambda's code directly, so it makes a new delegate for it
/// (<c>DynamicMethod.CreateDelegate</c>) on every run of the query: about 3 % of the CPU time of an
/// uncached profile page, which runs a dozen queries. Compiled beforehand, the shaper is the same
/// delegate on every run, as each run would have made one for the same code.
/// </para>
/// <para>
/// A lambda that reads a parameter or variable of the code around it (a closure) is left where it
/// is, and so is a quoted one (an expression tree handed on as data).
/// </para>
/// </remarks>
public static class ShaperCompilation
{
    /// <summary>
    /// What <see cref="QueryCompilationContext.CreateQueryExecutor{TResult}"/> compiles from
    /// <paramref name="executor"/> (<see cref="QueryCompilationContext.CreateQueryExecutorExpression{TResult}"/>),
    /// its closed nested lambdas compiled first; <paramref name="dependencies"/> are <paramref name="context"/>'s.
    /// </summary>
    public static Func<QueryContext, TResult> CreateQueryExecutor<TResult>(
        QueryCompilationContext context, QueryCompilationContextDependencies dependencies, Expression<Func<QueryContext, TResult>> executor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dependencies);
        var logger = context.Logger;
        // As EF does: the constants the shaper refers to (materializers, comparers) evaluated and put in place.
#pragma warning disable EF9100 // The precompiled-query flag EF passes here is marked for evaluation.
        var inlined = (Expression<Func<QueryContext, TResult>>)dependencies.LiftableConstantProcessor.InlineConstants(executor, context.SupportsPrecompiledQuery);
#pragma warning restore EF9100
        try
        {
            return ((Expression<Func<QueryContext, TResult>>)HoistClosedLambdas(inlined)).Compile();
        }
        finally
        {
            logger.QueryExecutionPlanned(dependencies.Context, new ExpressionPrinter(), executor);
        }
    }

    /// <summary><paramref name="lambda"/> with every closed lambda nested in it replaced by its compiled delegate.</summary>
    public static LambdaExpression HoistClosedLambdas(LambdaExpression lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return WithBody(lambda, new Hoister().Visit(lambda.Body));
    }

    private static LambdaExpression WithBody(LambdaExpression lambda, Expression body) =>
        body == lambda.Body ? lambda : Expression.Lambda(lambda.Type, body, lambda.Name, lambda.TailCall, lambda.Parameters);

    private sealed class Hoister : ExpressionVisitor
    {
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            // Innermost first: a lambda compiled on its own must not hold nested lambdas of its own.
            var visited = (LambdaExpression)base.VisitLambda(node);
            return FreeParameters.Any(visited) ? visited : Expression.Constant(visited.Compile(), visited.Type);
        }

        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            // A lambda invoked where it stands is compiled in line with its caller: no delegate is made for it.
            if (node.Expression is LambdaExpression inline)
            {
                return node.Update(WithBody(inline, Visit(inline.Body)), Visit(node.Arguments));
            }
            return base.VisitInvocation(node);
        }
    }

    /// <summary>Whether an expression reads a parameter or variable it does not declare itself.</summary>
    private sealed class FreeParameters : ExpressionVisitor
    {
        private readonly List<IReadOnlyCollection<ParameterExpression>> _scopes = [];
        private bool _found;

        public static bool Any(Expression expression)
        {
            var finder = new FreeParameters();
            finder.Visit(expression);
            return finder._found;
        }

        public override Expression? Visit(Expression? node) => _found ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node) => InScope(node.Parameters, () => base.VisitLambda(node));

        protected override Expression VisitBlock(BlockExpression node) => InScope(node.Variables, () => base.VisitBlock(node));

        protected override CatchBlock VisitCatchBlock(CatchBlock node) =>
            node.Variable is null ? base.VisitCatchBlock(node) : InScope([node.Variable], () => base.VisitCatchBlock(node));

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= !_scopes.Any(scope => scope.Contains(node));
            return node;
        }

        private TNode InScope<TNode>(IReadOnlyCollection<ParameterExpression> declared, Func<TNode> visit)
        {
            _scopes.Add(declared);
            try
            {
                return visit();
            }
            finally
            {
                _scopes.RemoveAt(_scopes.Count - 1);
            }
        }
    }
}
