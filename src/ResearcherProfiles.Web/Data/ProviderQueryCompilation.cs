// The providers' compilation contexts are EF's internal API, and the expression of a query's executor
// is marked for evaluation; they are used here only to change how that expression is compiled
// (ShaperCompilation), which the test suite checks on both providers.
#pragma warning disable EF1001, EF9100
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Sqlite.Query.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ResearcherProfiles.Web.Data;

/// <summary>SQLite's query compilation, with the executor compiled by <see cref="ShaperCompilation"/>.</summary>
public sealed class SqliteShaperCompilationContext(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies, bool async)
    : SqliteQueryCompilationContext(dependencies, relationalDependencies, async)
{
    public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query) =>
        ShaperCompilation.CreateQueryExecutor(this, Dependencies, CreateQueryExecutorExpression<TResult>(query));
}

/// <summary>Creates <see cref="SqliteShaperCompilationContext"/>s in place of SQLite's own.</summary>
public sealed class SqliteShaperCompilationContextFactory(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies) : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new SqliteShaperCompilationContext(dependencies, relationalDependencies, async);
}

/// <summary>PostgreSQL's query compilation, with the executor compiled by <see cref="ShaperCompilation"/>.</summary>
public sealed class PostgresShaperCompilationContext(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies, bool async)
    : NpgsqlQueryCompilationContext(dependencies, relationalDependencies, async)
{
    public override Func<QueryContext, TResult> CreateQueryExecutor<TResult>(Expression query) =>
        ShaperCompilation.CreateQueryExecutor(this, Dependencies, CreateQueryExecutorExpression<TResult>(query));
}

/// <summary>Creates <see cref="PostgresShaperCompilationContext"/>s in place of PostgreSQL's own.</summary>
public sealed class PostgresShaperCompilationContextFactory(
    QueryCompilationContextDependencies dependencies, RelationalQueryCompilationContextDependencies relationalDependencies) : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new PostgresShaperCompilationContext(dependencies, relationalDependencies, async);
}
