#pragma warning disable EF1001, EF9100 // The test compiles executors as EF's own query compiler does.
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// A query's executor holds its shaper compiled, not as code it must turn into a new delegate on each
/// run (a <see cref="DynamicMethod"/> among the compiled executor's constants).
/// </summary>
public sealed class ShaperCompilationTests
{
    public sealed record Row(int Id, string Name, List<string> Urls);

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_sites_contexts_compile_each_shaper_once_where_the_providers_own_would_make_it_on_every_run(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var factory = db.GetService<IQueryCompilationContextFactory>();
        Assert.IsType(provider == DatabaseProvider.Postgres ? typeof(PostgresShaperCompilationContextFactory) : typeof(SqliteShaperCompilationContextFactory), factory);
        // A projection with a list in it: the row's shaper, and the list's, are lambdas inside the executor.
        var query = db.Researchers.Where(r => r.Slug == "someone")
            .Select(r => new Row(r.Id, r.DisplayName, r.Links.OrderBy(l => l.SortOrder).Select(l => l.Url).ToList()));

        var ours = factory.Create(async: false).CreateQueryExecutor<IEnumerable<Row>>(query.Expression);
        var providers = ProvidersOwn(db, provider).CreateQueryExecutor<IEnumerable<Row>>(query.Expression);

        Assert.Empty(DynamicMethods(ours));
        Assert.Contains(Constants(ours), c => c is Delegate);
        Assert.NotEmpty(DynamicMethods(providers));
    }

    [Fact]
    public void A_closed_nested_lambda_is_compiled_once_and_closures_quoted_and_inline_lambdas_stay()
    {
        var x = Expression.Parameter(typeof(int), "x");
        var y = Expression.Parameter(typeof(int), "y");
        Expression<Func<int, int>> doubled = v => v * 2;
        // x => Apply(v => v * 2, x) + Apply(y => x + y, x) + Count(Quote(v => v * 2)) + Invoke(y => y + 1, x)
        var apply = typeof(ShaperCompilationTests).GetMethod(nameof(Apply), BindingFlags.NonPublic | BindingFlags.Static)!;
        var count = typeof(ShaperCompilationTests).GetMethod(nameof(Count), BindingFlags.NonPublic | BindingFlags.Static)!;
        var body = Expression.Add(
            Expression.Add(
                Expression.Call(apply, doubled, x),
                Expression.Call(apply, Expression.Lambda<Func<int, int>>(Expression.Add(x, y), y), x)),
            Expression.Add(
                Expression.Call(count, Expression.Quote(doubled)),
                Expression.Invoke(Expression.Lambda<Func<int, int>>(Expression.Add(y, Expression.Constant(1)), y), x)));
        var lambda = Expression.Lambda<Func<int, int>>(body, x);

        var hoisted = (Expression<Func<int, int>>)ShaperCompilation.HoistClosedLambdas(lambda);

        var calls = new List<Expression>();
        new Collector(calls).Visit(hoisted.Body);
        var applied = calls.OfType<MethodCallExpression>().Where(c => c.Method == apply).Select(c => c.Arguments[0]).ToList();
        Assert.IsType<Func<int, int>>(Assert.IsAssignableFrom<ConstantExpression>(applied[0]).Value);
        Assert.IsAssignableFrom<LambdaExpression>(applied[1]);
        Assert.Equal(ExpressionType.Quote, calls.OfType<MethodCallExpression>().Single(c => c.Method == count).Arguments[0].NodeType);
        Assert.IsAssignableFrom<LambdaExpression>(calls.OfType<InvocationExpression>().Single().Expression);
        Assert.Equal(lambda.Compile()(5), hoisted.Compile()(5));
        Assert.Equal(10 + 10 + 1 + 6, hoisted.Compile()(5));
    }

    private static int Apply(Func<int, int> f, int value) => f(value);

    private static int Count(Expression<Func<int, int>> tree) => tree.Parameters.Count;

    private sealed class Collector(List<Expression> found) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            found.Add(node);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            found.Add(node);
            return base.VisitInvocation(node);
        }
    }

    /// <summary>The constants a compiled expression keeps beside its code (the Closure it is bound to).</summary>
    private static object?[] Constants(Delegate executor)
    {
        var closure = executor.Target!;
        Assert.Equal("System.Runtime.CompilerServices.Closure", closure.GetType().FullName);
        return (object?[])closure.GetType().GetField("Constants")!.GetValue(closure)!;
    }

    private static List<MethodInfo> DynamicMethods(Delegate executor) => Constants(executor).OfType<DynamicMethod>().Cast<MethodInfo>().ToList();

    private static QueryCompilationContext ProvidersOwn(AppDbContext db, DatabaseProvider provider)
    {
        var dependencies = db.GetService<QueryCompilationContextDependencies>();
        var relational = db.GetService<RelationalQueryCompilationContextDependencies>();
        return provider == DatabaseProvider.Postgres
            ? new NpgsqlQueryCompilationContext(dependencies, relational, async: false)
            : new SqliteQueryCompilationContext(dependencies, relational, async: false);
    }

    // Compiling a query needs no server: nothing here connects.
    private static AppDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Port=1;Database=unused" : "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }
}
