using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Keeps the site's SQLite connections open between requests, each with the statements it has
/// prepared (<see cref="KeptSqliteConnection"/>), and hands one to every context that needs a
/// connection. Microsoft.Data.Sqlite prepares a command's SQL anew for every command and throws the
/// prepared statements away when the connection closes; preparing was about a fifth of the CPU of an
/// uncached profile page, and every open also set its pragmas and registered EF's functions again.
/// </summary>
/// <remarks>
/// A pooled context keeps its connection from one request to the next; a context that is disposed
/// (one beyond the pool, or made outside it) gives its connection back, closed as far as it could tell
/// (no transaction, no statement running; one that is not is closed for real instead). At most
/// <see cref="MaxIdle"/> wait at a time, and a connection closes and reopens after <see cref="MaxUses"/>
/// opens, so that nothing it accumulates can grow without bound.
/// </remarks>
public sealed class SqliteConnectionKeeper(string connectionString) : DbConnectionInterceptor, IDisposable
{
    /// <summary>Connections kept open while no request needs them; more are opened when needed and closed after.</summary>
    public const int MaxIdle = 32;

    /// <summary>The opens a connection serves before it closes for real and opens afresh.</summary>
    public const int MaxUses = 10_000;

    private readonly Stack<KeptSqliteConnection> _idle = new();
    private bool _disposed;
    private int _generation;

    public string ConnectionString { get; } = connectionString;

    /// <summary>Connections waiting for a context (for tests and diagnostics).</summary>
    public int IdleCount
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return result.HasResult || eventData.ConnectionString != ConnectionString
            ? result
            : InterceptionResult<DbConnection>.SuppressWithResult(Rent());
    }

    /// <summary>An idle connection (open, its statements prepared) or a new one, not yet opened.</summary>
    public KeptSqliteConnection Rent()
    {
        lock (_idle)
        {
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }
        return new KeptSqliteConnection(ConnectionString, this);
    }

    /// <summary>Takes <paramref name="connection"/> back to wait for the next context; false when it should be closed for good instead.</summary>
    internal bool TakeBack(KeptSqliteConnection connection)
    {
        if (!connection.ReadyForReuse())
        {
            return false;
        }
        lock (_idle)
        {
            if (_disposed || _idle.Count >= MaxIdle)
            {
                return false;
            }
            _idle.Push(connection);
            return true;
        }
    }

    /// <summary>
    /// Has every connection start afresh: the idle ones are closed now, the ones in use (or kept by
    /// a pooled context) close and reopen at their next open. Called after migrating, which may
    /// change a connection's pragmas.
    /// </summary>
    public void ReopenAll()
    {
        Interlocked.Increment(ref _generation);
        CloseIdle();
    }

    /// <summary>Counts <see cref="ReopenAll"/> calls; a connection opened under an earlier count reopens.</summary>
    internal int Generation => Volatile.Read(ref _generation);

    private void CloseIdle()
    {
        KeptSqliteConnection[] closing;
        lock (_idle)
        {
            closing = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in closing)
        {
            connection.Retire();
        }
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
        }
        CloseIdle();
    }
}
