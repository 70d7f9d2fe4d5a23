using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// A SQLite connection that stays open when its context closes it, and keeps the statements it has
/// prepared, by SQL text, for the next context that runs the same SQL (see
/// <see cref="SqliteConnectionKeeper"/>). To its context it behaves as a connection that is opened
/// and closed: closed, it refuses commands, and closing rolls back a transaction left open.
/// </summary>
/// <remarks>
/// EF registers functions for decimal arithmetic and for <c>Regex.IsMatch</c> on the SQLite
/// connections it creates itself; these connections go without them, as no column is a decimal and
/// no query matches a regular expression. A query that needed one would fail with "no such
/// function" in the test suite, which runs on these connections.
/// </remarks>
public sealed class KeptSqliteConnection : SqliteConnection
{
    /// <summary>Statements kept per connection, the least recently used dropped first.</summary>
    public const int MaxStatements = 100;

    /// <summary>SQL longer than this (a large batch of inserts) is prepared for its one use, not kept.</summary>
    public const int MaxKeptSqlLength = 16_000;

    /// <summary>
    /// Each connection's own page cache, in KiB (SQLite's default is 2,000). The connections stay
    /// open, up to one per pooled context, and the file's pages are in the system's cache anyway.
    /// </summary>
    public const int PageCacheKibibytes = 1024;

    private readonly SqliteConnectionKeeper _keeper;
    private readonly Dictionary<string, LinkedListNode<KeptSqliteCommand>> _statements = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptSqliteCommand> _recent = new();
    private bool _open;
    private bool _opening;
    private bool _closingForReal;
    private bool _retired;
    private int _uses;
    private int _openReaders;
    private int _generation;

    internal KeptSqliteConnection(string connectionString, SqliteConnectionKeeper keeper)
        : base(connectionString)
    {
        _keeper = keeper;
    }

    /// <summary>Statements this connection holds prepared (for tests and diagnostics).</summary>
    public int KeptStatements => _statements.Count;

    public override ConnectionState State => _open || _closingForReal ? base.State : ConnectionState.Closed;

    public override void Open()
    {
        ObjectDisposedException.ThrowIf(_retired, this);
        if (_open)
        {
            return;
        }
        if (base.State == ConnectionState.Open && (_generation != _keeper.Generation || _uses >= SqliteConnectionKeeper.MaxUses))
        {
            CloseForReal();
        }
        _open = true;
        _uses++;
        if (base.State != ConnectionState.Open)
        {
            _generation = _keeper.Generation;
            _uses = 1;
            // The pragmas run on opening are run once per connection: not worth keeping.
            _opening = true;
            try
            {
                base.Open();
                // SQLite plans a statement again whenever a value bound to its LIMIT changes (3.50
                // reads the value while planning), which undid the keeping of every paged query and
                // of the profile's selected papers. With the planner bound to one plan per statement,
                // none of the site's queries is planned twice; its LIKE patterns compare lower(column),
                // which no index serves, so no plan depended on a bound value.
                raw.sqlite3_db_config(Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
                using var cacheSize = base.CreateCommand();
                cacheSize.CommandText = $"PRAGMA cache_size = -{PageCacheKibibytes}";
                cacheSize.ExecuteNonQuery();
            }
            catch
            {
                _open = false;
                throw;
            }
            finally
            {
                _opening = false;
            }
        }
    }

    public override void Close()
    {
        if (_retired)
        {
            CloseForReal();
            return;
        }
        if (!_open)
        {
            return;
        }
        // What a real close would end: a transaction left open is rolled back.
        Transaction?.Dispose();
        _open = false;
        if (!IsIdle())
        {
            CloseForReal();
        }
    }

    public override SqliteCommand CreateCommand() => new KeptSqliteCommand
    {
        Connection = this,
        CommandTimeout = DefaultTimeout,
        Transaction = Transaction,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_retired && _keeper.TakeBack(this))
        {
            return;
        }
        _retired = true;
        base.Dispose(disposing);
    }

    /// <summary>A command on this connection opened (true) or closed (false) its reader.</summary>
    internal void Reading(bool opened) => _openReaders += opened ? 1 : -1;

    /// <summary>Closed as far as its last context could tell, still open underneath, with no statement running and no transaction.</summary>
    internal bool ReadyForReuse()
    {
        Close();
        return !_retired && base.State == ConnectionState.Open;
    }

    /// <summary>Closes the connection for good, with its statements.</summary>
    internal void Retire()
    {
        _retired = true;
        Dispose();
    }

    /// <summary>
    /// The kept statement for <paramref name="sql"/>, prepared on first use; null when the SQL is
    /// not kept, or its statement is still being read (the same SQL run again inside a read).
    /// </summary>
    internal KeptSqliteCommand? Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var node))
        {
            if (node.Value.IsReading)
            {
                return null;
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
        if (_opening || sql.Length > MaxKeptSqlLength)
        {
            return null;
        }
        if (_statements.Count >= MaxStatements && _recent.Last is { } oldest && !oldest.Value.IsReading)
        {
            Forget(oldest.Value);
        }
        var statement = new KeptSqliteCommand(kept: true) { Connection = this, CommandText = sql };
        _statements[sql] = _recent.AddFirst(statement);
        return statement;
    }

    /// <summary>Drops a kept statement (after it failed, or to make room).</summary>
    internal void Forget(KeptSqliteCommand statement)
    {
        if (_statements.Remove(statement.CommandText, out var node))
        {
            _recent.Remove(node);
        }
        statement.Dispose();
    }

    private void CloseForReal()
    {
        if (base.State != ConnectionState.Open)
        {
            return;
        }
        _closingForReal = true;
        try
        {
            // Disposes every command made on this connection, the kept statements with them.
            base.Close();
        }
        finally
        {
            _closingForReal = false;
            _open = false;
            _statements.Clear();
            _recent.Clear();
        }
    }

    /// <summary>No transaction open and no reader still open: nothing a later context could inherit.</summary>
    /// <remarks>
    /// A statement that is still being read holds its read transaction, and the next context's reads
    /// would see the database as it was then. Readers are counted as the commands open and close
    /// them, as SQLite's own list of statements also holds the ones FTS5 keeps for its tables.
    /// </remarks>
    private bool IsIdle() =>
        base.State == ConnectionState.Open && Handle is { } handle && raw.sqlite3_get_autocommit(handle) != 0 && _openReaders == 0;
}

/// <summary>
/// A command on a <see cref="KeptSqliteConnection"/>: it runs its SQL through the statement the
/// connection keeps for that SQL, prepared once, with this command's parameters and transaction.
/// </summary>
public sealed class KeptSqliteCommand : SqliteCommand
{
    private readonly bool _kept;

    public KeptSqliteCommand()
    {
    }

    internal KeptSqliteCommand(bool kept)
    {
        _kept = kept;
    }

    internal bool IsReading => DataReader is not null;

    protected override SqliteDataReader? DataReader
    {
        get => base.DataReader;
        set
        {
            var was = base.DataReader;
            base.DataReader = value;
            if ((was is null) != (value is null) && Connection is KeptSqliteConnection connection)
            {
                connection.Reading(opened: value is not null);
            }
        }
    }

    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        if (_kept || Connection is not KeptSqliteConnection connection || connection.State != ConnectionState.Open
            || connection.Statement(CommandText) is not { } statement)
        {
            return base.ExecuteReader(behavior);
        }
        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in Parameters)
        {
            statement.Parameters.Add(parameter);
        }
        statement.Transaction = Transaction;
        statement.CommandTimeout = CommandTimeout;
        try
        {
            return statement.ExecuteReader(behavior);
        }
        catch
        {
            connection.Forget(statement);
            throw;
        }
    }
}
