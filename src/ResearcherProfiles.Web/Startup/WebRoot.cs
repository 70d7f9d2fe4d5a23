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

    /// <summary>
    /// The published application's own folder, so that appsettings.json and the relative data
    /// folder are found whatever the working directory; null (the default) when running from source.
    /// </summary>
    public static string? PublishedContentRoot() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, FolderName)) ? AppContext.BaseDirectory : null;

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
