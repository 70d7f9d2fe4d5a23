namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Files of the repository the tests read directly: README, wwwroot, tools, build output.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds ResearcherProfiles.sln, above this test assembly's output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root: <c>Path("wwwroot", "lib")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The web app's build output beside this test assembly's (same configuration), to run as an operator does.</summary>
    public static string WebAppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path("src", "ResearcherProfiles.Web", "bin", configuration, "net10.0", "ResearcherProfiles.Web.dll");
    }

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
