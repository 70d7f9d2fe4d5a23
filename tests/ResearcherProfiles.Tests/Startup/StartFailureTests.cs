using System.Net;
using System.Net.Sockets;
using Npgsql;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Publishing;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// A start that cannot prepare its database, as an operator meets it: the built app's own process.
/// The database is prepared while the pages are mapped; a failure must still end the start, with
/// the reason in one sentence after whatever EF logged of the failed statement.
/// </summary>
public sealed class StartFailureTests
{
    [SqliteOnlyFact("the database is a file in the data folder")]
    public async Task A_database_that_cannot_be_opened_ends_the_start_with_one_sentence_and_exit_code_1()
    {
        var data = Directory.CreateTempSubdirectory("researcher-profiles-start-failure-");
        try
        {
            // A folder where the database file should be: SQLite cannot open it, whoever runs the test.
            Directory.CreateDirectory(Path.Combine(data.FullName, "profiles.db"));

            var (code, output) = await ChildProcess.RunDotnetAsync(
                [RepositoryFiles.WebAppDll()], data.FullName, environment =>
                {
                    ChildProcess.Production(environment, data.FullName);
                    environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
                }, TimeSpan.FromMinutes(1));

            Assert.True(code == 1, output);
            var database = Path.Combine(data.FullName, "profiles.db");
            Assert.Contains($"The app cannot start. The database {database} cannot be written: ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [PostgresOnlyFact("the server is PostgreSQL's")]
    public async Task A_PostgreSQL_server_that_never_answers_is_waited_for_then_named_in_one_sentence()
    {
        // A port nobody listens on: taken from the system, then given back.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, output) = await StartOnPostgresAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=unused");

        Assert.True(code == 1, output);
        Assert.Contains($"Waiting up to 2 seconds (Database:StartupWaitSeconds) for PostgreSQL at 127.0.0.1:{port}: Connection refused.", output, StringComparison.Ordinal);
        Assert.Contains($"The app cannot start. PostgreSQL at 127.0.0.1:{port} did not answer within 2 seconds (Database:StartupWaitSeconds): Connection refused.", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [PostgresOnlyFact("the server is PostgreSQL's")]
    public async Task A_user_PostgreSQL_does_not_know_ends_the_start_with_one_sentence()
    {
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.Server("unused")) { Username = "nobody_" + TestNames.Unique(), Password = "wrong" };

        var (code, output) = await StartOnPostgresAsync(connection.ConnectionString);

        Assert.True(code == 1, output);
        Assert.Contains($"The app cannot start. PostgreSQL at {connection.Host}:{connection.Port} refused the connection as user \"{connection.Username}\" to database \"unused\": ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [PostgresOnlyFact("the connection string is PostgreSQL's")]
    public async Task A_misspelt_PostgreSQL_setting_ends_the_start_with_one_sentence()
    {
        var (code, output) = await StartOnPostgresAsync("Host=127.0.0.1;Usernme=postgres;Password=secret-value");

        Assert.True(code == 1, output);
        Assert.Contains("The app cannot start. ConnectionStrings:Default is not a Postgres connection string: ", output, StringComparison.Ordinal);
        Assert.Contains("usernme", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [PostgresOnlyFact("the database is created on the PostgreSQL server")]
    public async Task A_first_start_on_a_database_PostgreSQL_does_not_have_yet_creates_it_and_logs_no_failure()
    {
        var database = "rp_first_start_" + TestNames.Unique().ToLowerInvariant();
        var data = Directory.CreateTempSubdirectory("researcher-profiles-first-start-");
        try
        {
            await using var app = ChildProcess.StartDotnet([RepositoryFiles.WebAppDll()], data.FullName, environment =>
            {
                OnPostgres(environment, data.FullName, TestDatabase.Server(database));
            });
            await app.WaitForOutputAsync("Application started", TimeSpan.FromMinutes(1));

            Assert.Contains("Application started", app.Output, StringComparison.Ordinal);
            Assert.Contains($"Created the database {database} on PostgreSQL", app.Output, StringComparison.Ordinal);
            // EF's own way of finding the migrations of an empty database logs its failed reads as errors.
            Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
            TestDatabase.DropPostgresDatabase(database);
        }
    }

    private static void OnPostgres(IDictionary<string, string?> environment, string dataDirectory, string connectionString)
    {
        ChildProcess.Production(environment, dataDirectory);
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        environment["Database__Provider"] = "Postgres";
        environment["Database__StartupWaitSeconds"] = "2";
        environment["ConnectionStrings__Default"] = connectionString;
    }

    private static async Task<(int Code, string Output)> StartOnPostgresAsync(string connectionString)
    {
        var data = Directory.CreateTempSubdirectory("researcher-profiles-start-failure-");
        try
        {
            return await ChildProcess.RunDotnetAsync([RepositoryFiles.WebAppDll()], data.FullName,
                environment => OnPostgres(environment, data.FullName, connectionString), TimeSpan.FromMinutes(1));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
    }
}
