using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using SQLitePCL;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// SQLite connections kept open between contexts with their prepared statements: reused, but never
/// handing a later context a transaction, an open read or a stale view of the file.
/// </summary>
public sealed class KeptSqliteConnectionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kept-{Guid.NewGuid():N}.db");
    private readonly SqliteConnectionKeeper _keeper;

    public KeptSqliteConnectionTests()
    {
        // Without pooling a connection closed for good lets go of the file, which is deleted afterwards.
        _keeper = new SqliteConnectionKeeper($"Data Source={_path};Pooling=False;Foreign Keys=True");
        using var setup = new SqliteConnection(_keeper.ConnectionString);
        setup.Open();
        Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL);");
    }

    [Fact]
    public void The_next_context_gets_the_same_connection_with_its_statements_still_prepared()
    {
        var first = _keeper.Rent();
        first.Open();
        Assert.Equal(0L, Scalar(first, "SELECT COUNT(*) FROM Notes WHERE Text <> $text", ("$text", "a")));
        Assert.Equal(1, first.KeptStatements);
        first.Dispose();
        Assert.Equal(1, _keeper.IdleCount);

        var second = _keeper.Rent();
        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Closed, second.State);
        second.Open();
        Assert.Equal(0L, Scalar(second, "SELECT COUNT(*) FROM Notes WHERE Text <> $text", ("$text", "b")));
        Assert.Equal(1, second.KeptStatements);
        second.Dispose();
    }

    [Fact]
    public void A_statement_whose_limit_is_a_parameter_is_planned_once_for_every_value()
    {
        Seed("a", "b", "c", "d");
        using var connection = _keeper.Rent();
        connection.Open();
        connection.Handle!.enable_sqlite3_next_stmt(true);
        const string sql = """
            SELECT COUNT(*) FROM (SELECT Id FROM Notes WHERE Text <> $text ORDER BY Id LIMIT $count) AS s
            JOIN Notes AS n ON n.Id = s.Id
            """;
        for (var count = 1; count <= 4; count++)
        {
            Assert.Equal((long)count, Scalar(connection, sql, ("$text", "x"), ("$count", count)));
        }

        Assert.Equal(1, connection.KeptStatements);
        Assert.Equal(0, Replanned(connection));
    }

    [Fact]
    public void A_closed_connection_refuses_commands_as_a_real_one_would()
    {
        using var connection = _keeper.Rent();
        connection.Open();
        connection.Close();

        Assert.Throws<InvalidOperationException>(() => Scalar(connection, "SELECT 1"));
    }

    [Fact]
    public void A_transaction_left_open_is_rolled_back_and_not_handed_on()
    {
        var first = _keeper.Rent();
        first.Open();
        var transaction = first.BeginTransaction();
        Insert(first, "never committed", transaction);
        first.Dispose();

        using var second = _keeper.Rent();
        second.Open();
        Assert.Equal(0L, Scalar(second, "SELECT COUNT(*) FROM Notes"));
        // Outside a transaction, so its write is committed at once and visible elsewhere.
        Insert(second, "committed");
        using var other = new SqliteConnection(_keeper.ConnectionString);
        other.Open();
        Assert.Equal(1L, Scalar(other, "SELECT COUNT(*) FROM Notes"));
    }

    [Fact]
    public void A_connection_returned_with_a_reader_open_is_closed_for_good_and_not_handed_on()
    {
        Seed("one", "two");
        var first = _keeper.Rent();
        first.Open();
        var command = first.CreateCommand();
        command.CommandText = "SELECT Text FROM Notes";
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        first.Dispose();

        Assert.Equal(0, _keeper.IdleCount);
        Seed("three");
        using var second = _keeper.Rent();
        Assert.NotSame(first, second);
        second.Open();
        Assert.Equal(3L, Scalar(second, "SELECT COUNT(*) FROM Notes"));
    }

    [Fact]
    public void A_kept_connection_sees_what_other_connections_wrote_since()
    {
        var first = _keeper.Rent();
        first.Open();
        Assert.Equal(0L, Scalar(first, "SELECT COUNT(*) FROM Notes"));
        first.Dispose();

        Seed("written elsewhere");

        using var second = _keeper.Rent();
        Assert.Same(first, second);
        second.Open();
        Assert.Equal(1L, Scalar(second, "SELECT COUNT(*) FROM Notes"));
    }

    [Fact]
    public void The_same_sql_run_inside_its_own_read_gets_a_statement_of_its_own()
    {
        Seed("one", "two");
        using var connection = _keeper.Rent();
        connection.Open();
        using var outer = connection.CreateCommand();
        outer.CommandText = "SELECT Text FROM Notes ORDER BY Id";
        using var reader = outer.ExecuteReader();
        var seen = new List<string>();
        while (reader.Read())
        {
            seen.Add(reader.GetString(0));
            using var inner = connection.CreateCommand();
            inner.CommandText = "SELECT Text FROM Notes ORDER BY Id";
            Assert.Equal("one", inner.ExecuteScalar());
        }
        Assert.Equal(["one", "two"], seen);
    }

    [Fact]
    public void A_statement_that_failed_is_dropped_and_the_connection_goes_on()
    {
        using var connection = _keeper.Rent();
        connection.Open();
        Assert.Throws<SqliteException>(() => Insert(connection, null));
        Assert.Equal(0, connection.KeptStatements);

        Insert(connection, "fine");
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM Notes"));
    }

    [Fact]
    public async Task A_context_given_the_keeper_runs_its_queries_on_a_kept_connection()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(_keeper.ConnectionString)
            .AddInterceptors(_keeper)
            .Options;
        await using (var db = new AppDbContext(options))
        {
            Assert.IsType<KeptSqliteConnection>(db.Database.GetDbConnection());
            Assert.Equal([0], await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Notes").ToListAsync());
        }
        Assert.Equal(1, _keeper.IdleCount);

        var kept = _keeper.Rent();
        Assert.Equal(1, kept.KeptStatements);
        kept.Dispose();
    }

    [Fact]
    public void After_reopen_all_idle_connections_are_closed_and_held_ones_start_afresh_at_their_next_open()
    {
        var idle = _keeper.Rent();
        // Held as a pooled context holds its connection: closed, never given back.
        using var held = _keeper.Rent();
        idle.Open();
        Assert.Equal(0L, Scalar(idle, "SELECT COUNT(*) FROM Notes"));
        idle.Dispose();
        held.Open();
        Assert.Equal(0L, Scalar(held, "SELECT COUNT(*) FROM Notes"));
        held.Close();

        _keeper.ReopenAll();

        Assert.Equal(0, _keeper.IdleCount);
        Assert.Throws<ObjectDisposedException>(idle.Open);
        held.Open();
        Assert.Equal(0, held.KeptStatements);
        Assert.Equal(0L, Scalar(held, "SELECT COUNT(*) FROM Notes"));
        Assert.Equal(1, held.KeptStatements);
    }

    [Fact]
    public void A_connection_opens_afresh_after_serving_its_share_of_opens()
    {
        using var connection = _keeper.Rent();
        connection.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM Notes"));
        connection.Close();
        for (var i = 1; i < SqliteConnectionKeeper.MaxUses; i++)
        {
            connection.Open();
            connection.Close();
        }
        Assert.Equal(1, connection.KeptStatements);

        connection.Open();

        Assert.Equal(0, connection.KeptStatements);
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM Notes"));
    }

    [Fact]
    public void Disposing_the_keeper_closes_the_idle_connections_for_good()
    {
        var connection = _keeper.Rent();
        connection.Open();
        connection.Dispose();
        Assert.Equal(1, _keeper.IdleCount);

        _keeper.Dispose();

        Assert.Equal(0, _keeper.IdleCount);
        Assert.Throws<ObjectDisposedException>(connection.Open);
    }

    public void Dispose()
    {
        _keeper.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private void Seed(params string[] texts)
    {
        using var other = new SqliteConnection(_keeper.ConnectionString);
        other.Open();
        foreach (var text in texts)
        {
            Insert(other, text);
        }
    }

    /// <summary>SQLITE_STMTSTATUS_REPREPARE, which SQLitePCLRaw does not name.</summary>
    private const int StatementStatusReprepare = 5;

    /// <summary>How many times SQLite prepared again the statements the connection holds.</summary>
    private static int Replanned(SqliteConnection connection)
    {
        var total = 0;
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(connection.Handle, statement))
        {
            total += raw.sqlite3_stmt_status(statement, StatementStatusReprepare, 0);
        }
        return total;
    }

    private static void Insert(SqliteConnection connection, string? text, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO Notes (Text) VALUES ($text)";
        command.Parameters.AddWithValue("$text", (object?)text ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
