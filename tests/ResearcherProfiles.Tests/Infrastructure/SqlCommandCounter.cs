using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// Records the text of every command the app sends, so a test can count the queries of one request:
/// on SQLite each command EF Core executes; on PostgreSQL, once <see cref="TraceRoundTrips"/> is
/// called, each round trip to the test's database as Npgsql traces it, with the text of every
/// statement it carried (the app's own statements and batches go past EF).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDisposable
{
    private readonly ConcurrentQueue<string> _commands = new();
    private ActivityListener? _roundTrips;

    /// <summary>From now on records the round trips to <paramref name="database"/> instead of EF's commands.</summary>
    public void TraceRoundTrips(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (_roundTrips is not null)
        {
            return;
        }
        _roundTrips = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // The instances' eviction notices go on connections of their own, whatever the page does.
                if (Equals(activity.GetTagItem("db.namespace"), database)
                    && activity.GetTagItem("db.query.text") is not (EvictionsOverPostgres.NoticeStatement or EvictionsOverPostgres.ListenStatement))
                {
                    _commands.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(_roundTrips);
    }

    public void Dispose() => _roundTrips?.Dispose();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    /// <summary>The commands executed while <paramref name="action"/> ran.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Reset();
        await action();
        return Commands;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (_roundTrips is null)
        {
            _commands.Enqueue(command.CommandText);
        }
    }
}
