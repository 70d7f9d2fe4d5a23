using Microsoft.Data.Sqlite;
using Npgsql;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// The app over a database the test names, whatever provider the run uses (TEST_DATABASE): the copy
/// tests move a site between a SQLite file and a PostgreSQL database of their own.
/// </summary>
public sealed class CopySiteFactory : ProfilesAppFactory
{
    private readonly Dictionary<string, string> _settings;

    public CopySiteFactory(DatabaseProvider provider, string connectionString, bool demo, string? dataDirectory = null)
        : base(dataDirectory ?? NewFolder())
    {
        Provider = provider;
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string>
        {
            [DatabaseProviders.Key] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            ["Demo:Seed"] = demo ? "true" : "false",
        };
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    protected override IReadOnlyDictionary<string, string> ExtraSettings => _settings;

    /// <summary>A site on a SQLite file in its own data folder.</summary>
    public static CopySiteFactory OnSqlite(bool demo)
    {
        var folder = NewFolder();
        return new CopySiteFactory(DatabaseProvider.Sqlite, SqliteFile(folder), demo, folder);
    }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    public static string SqliteFile(string folder) => $"Data Source={Path.Combine(folder, "profiles.db")}";

    /// <summary>Runs `--copy-database` against this site, as Program does: its exit code and what it printed.</summary>
    public async Task<(int Code, string Output, string Error)> CopyToAsync(DatabaseProvider provider, string connectionString)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CopyDatabaseCommand.RunAsync(Services, ["--copy-database", "--to-provider", provider.ToString(), "--to", connectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Copies the photos folder, which travels beside the database, into <paramref name="other"/>'s data folder.</summary>
    public void CopyPhotosTo(ProfilesAppFactory other)
    {
        var photos = Path.Combine(DataDirectory, "photos");
        if (!Directory.Exists(photos))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(photos, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(other.DataDirectory, Path.GetRelativePath(DataDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            using var pooled = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
    }
}

/// <summary>
/// An empty PostgreSQL database on the test cluster (TEST_POSTGRES, which tests/run.sh always sets),
/// dropped when disposed. The copy tests need one whichever provider the run uses.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    private readonly string _name = $"rp_copy_{Guid.NewGuid():N}";

    private ScratchPostgres()
    {
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server()) { Database = _name }.ConnectionString;

    public static async Task<ScratchPostgres> CreateAsync()
    {
        var database = new ScratchPostgres();
        await ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "The copy tests need a PostgreSQL server whatever TEST_DATABASE says, and TEST_POSTGRES is not set: run `bash tests/services.sh start` and source artifacts/test-services.env (tests/run.sh does both).");
        }
        return server;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
