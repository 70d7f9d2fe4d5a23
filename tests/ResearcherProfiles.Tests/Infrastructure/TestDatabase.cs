using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// The database a test app runs on. TEST_DATABASE chooses the provider for the whole run: unset or
/// "Sqlite" gives a SQLite file in the app's data folder; "Postgres" gives a database of its own on
/// the cluster TEST_POSTGRES points at (tests/services.sh starts one), copied from a template that
/// is migrated once per test process, so each app starts on an up-to-date, empty database.
/// A database belongs to a data folder: apps started over one folder share one database, as two
/// instances of a site share one.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? template;

    public static DatabaseProvider Provider { get; } = DatabaseProviders.Parse(Environment.GetEnvironmentVariable("TEST_DATABASE"));

    /// <summary>The connection string of the database that belongs to <paramref name="dataDirectory"/>, created when missing.</summary>
    public static string ConnectionStringFor(string dataDirectory)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={Path.Combine(dataDirectory, "profiles.db")}";
        }
        var name = DatabaseName(dataDirectory);
        EnsureCreated(name);
        return Server(name);
    }

    /// <summary>Closes pooled connections and drops the database of <paramref name="dataDirectory"/> (on PostgreSQL; a SQLite file goes with its folder).</summary>
    public static void Drop(string dataDirectory)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        var name = DatabaseName(dataDirectory);
        using (var pooled = new NpgsqlConnection(Server(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Drops a database the test made on the PostgreSQL server itself (outside <see cref="ConnectionStringFor"/>).</summary>
    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string DatabaseName(string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        return "rp_" + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>TEST_POSTGRES, the test server, with <paramref name="database"/> as its database.</summary>
    public static string Server(string database)
    {
        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "TEST_DATABASE is Postgres but TEST_POSTGRES is not set: run `bash tests/services.sh start` and source artifacts/test-services.env.");
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    private static void EnsureCreated(string name)
    {
        var from = Template();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{from}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase
                || (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "pg_database_datname_index"))
            {
                // (Two creations of the same name at one moment: the loser meets the catalog's unique index instead.)
                // A second app over the same data folder: it shares the first one's database.
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Copies of one template made at the same moment can find each other at work on it.
                Thread.Sleep(50 * attempt);
            }
        }
    }

    /// <summary>The migrated template, made on first use. Nobody stays connected to it, so it can be copied.</summary>
    private static string Template()
    {
        TemplateLock.Wait();
        try
        {
            if (template is not null)
            {
                return template;
            }
            var name = $"rp_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            Execute($"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<AppDbContext>();
            options.UseProvider(DatabaseProvider.Postgres, Server(name));
            using (var db = new AppDbContext(options.Options))
            {
                db.Database.Migrate();
            }
            using (var pooled = new NpgsqlConnection(Server(name)))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            template = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
