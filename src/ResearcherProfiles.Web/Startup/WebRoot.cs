namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Finds the site's web root: the repository's top-level wwwroot/ when running from source
/// (dotnet run, tests), or the wwwroot/ copied next to the published application.
/// ASPNETCORE_WEBROOT, when set, wins.
/// </summary>
public static class WebRoot
{
    private const string FolderName = "wwwroot";
    private const string RepositoryMarker = "ResearcherProfiles.sln";

    public static string? Locate()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_WEBROOT")))
        {
            return null;
        }
        var published = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (Directory.Exists(published))
        {
            return published;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)))
                {
                    return Path.Combine(dir.FullName, FolderName);
                }
            }
        }
        return null;
    }
}
