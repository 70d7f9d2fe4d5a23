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
}
