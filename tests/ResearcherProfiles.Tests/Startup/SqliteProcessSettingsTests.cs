using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Publishing;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// SQLite's process-wide settings, as a start of the built app applies them: only its own process
/// shows whether they took effect (in the test run SQLite is in use before any app starts).
/// </summary>
public sealed class SqliteProcessSettingsTests
{
    [SqliteOnlyFact("the settings are SQLite's")]
    public async Task A_start_on_SQLite_turns_its_memory_statistics_off_before_the_first_connection()
    {
        var data = Directory.CreateTempSubdirectory("researcher-profiles-sqlite-settings-");
        try
        {
            await using var app = ChildProcess.StartDotnet([RepositoryFiles.WebAppDll()], data.FullName, environment =>
            {
                ChildProcess.Production(environment, data.FullName);
                environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
                environment["Logging__LogLevel__Default"] = "Warning";
                environment["Logging__LogLevel__ResearcherProfiles.Web"] = "Debug";
            });
            await app.WaitForOutputAsync("SQLite ", TimeSpan.FromMinutes(1));

            Assert.Contains("SQLite keeps no memory statistics (SQLITE_CONFIG_MEMSTATUS off)", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("before the app could configure it", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
