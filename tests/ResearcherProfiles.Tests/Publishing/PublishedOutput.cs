using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>
/// The app as the Dockerfile publishes it (`dotnet publish -c Release`), made once per test process
/// however many tests start it, and removed when the process ends.
/// </summary>
public static class PublishedOutput
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(6);
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>The folder holding ResearcherProfiles.Web.dll and everything it needs, with wwwroot/.</summary>
    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("researcher-profiles-publish-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left under the temp folder if something still holds a file.
            }
        };
        // The Dockerfile's publish command, without its ReadyToRun switches (they compile the same
        // code ahead of time, and would make the publish several minutes longer). The extra
        // switches keep MSBuild from leaving server processes behind that would hold this test's
        // output pipes open.
        var (exitCode, output) = await ChildProcess.RunDotnetAsync(
            ["publish", "src/ResearcherProfiles.Web", "-c", "Release", "-o", folder, "--no-restore",
             "--disable-build-servers", "-nodeReuse:false", "-nologo"],
            RepositoryFiles.Root,
            environment =>
            {
                // Set by `dotnet test` for its own MSBuild; a nested build must find its SDK on its own.
                foreach (var key in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    environment.Remove(key);
                }
                environment["MSBUILDDISABLENODEREUSE"] = "1";
                environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            },
            PublishTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish exited with {exitCode}:\n{output}");
        }
        return folder;
    }
}
