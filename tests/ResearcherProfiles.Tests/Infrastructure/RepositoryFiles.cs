namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Files of the repository the tests read directly: README, wwwroot, tools, build output.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds ResearcherProfiles.sln, above this test assembly's output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root: <c>Path("wwwroot", "lib")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ResearcherProfiles.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No ResearcherProfiles.sln above {AppContext.BaseDirectory}.");
    }
}
