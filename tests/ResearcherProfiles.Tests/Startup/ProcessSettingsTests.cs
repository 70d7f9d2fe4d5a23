using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Publishing;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Process-wide settings, as a start of the built app applies them: only its own process shows
/// whether they took effect (in the test run SQLite and the C heap are in use before any app starts).
/// </summary>
public sealed class ProcessSettingsTests
{
    [SqliteOnlyFact("the settings are SQLite's")]
    public async Task A_start_on_SQLite_turns_its_memory_statistics_off_before_the_first_connection()
    {
        var output = await StartAndReadAsync("SQLite ");

        Assert.Contains("SQLite keeps no memory statistics (SQLITE_CONFIG_MEMSTATUS off)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("before the app could configure it", output, StringComparison.Ordinal);
    }

    [SqliteOnlyFact("one start of the built app, on SQLite, shows it for both providers")]
    public async Task A_start_bounds_the_C_heap_to_two_arenas()
    {
        var output = await StartAndReadAsync("The C library's heap ");

        Assert.Contains("The C library's heap keeps at most 2 arenas (mallopt M_ARENA_MAX).", output, StringComparison.Ordinal);
    }

    private static async Task<string> StartAndReadAsync(string line)
    {
        var data = Directory.CreateTempSubdirectory("researcher-profiles-process-settings-");
        try
        {
            await using var app = ChildProcess.StartDotnet([RepositoryFiles.WebAppDll()], data.FullName, environment =>
            {
                ChildProcess.Production(environment, data.FullName);
                environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
                environment["Logging__LogLevel__Default"] = "Warning";
                environment["Logging__LogLevel__ResearcherProfiles.Web"] = "Debug";
            });
            await app.WaitForOutputAsync(line, TimeSpan.FromMinutes(1));
            return app.Output;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
