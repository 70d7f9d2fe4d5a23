using System.Net;
using System.Text.Json;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The browser libraries the editor uses: vendored at their pinned versions, with licences, served from the site.</summary>
public sealed class ClientLibrariesTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    public static TheoryData<string, string, string> Libraries => new()
    {
        { "htmx.org", "htmx", "htmx.min.js" },
        { "sortablejs", "sortablejs", "Sortable.min.js" },
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Each_library_is_vendored_at_its_pinned_version_with_its_licence(string package, string folder, string file)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("src", "ResearcherProfiles.Web", "ClientLibraries", "package.json")));
        var pinned = manifest.RootElement.GetProperty("dependencies").GetProperty(package).GetString();

        Assert.Equal($"{package} {pinned}", File.ReadAllText(RepositoryFiles.Path("wwwroot", "lib", folder, "VERSION")).Trim());
        Assert.True(new FileInfo(RepositoryFiles.Path("wwwroot", "lib", folder, file)).Length > 10_000, $"{file} is missing or truncated");
        Assert.Contains("Permission", File.ReadAllText(RepositoryFiles.Path("wwwroot", "lib", folder, "LICENSE")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_pages_load_scripts_that_exist_and_public_pages_load_none_of_them()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var editor = await owner.GetPageAsync($"/edit/{profile.Slug}/news");
        var scripts = editor.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();

        Assert.Contains(scripts, s => s.StartsWith("/lib/htmx/htmx.min.js", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.StartsWith("/lib/sortablejs/Sortable.min.js", StringComparison.Ordinal));
        foreach (var script in scripts)
        {
            using var response = await owner.GetAsync(new Uri(script, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script} answered {(int)response.StatusCode}");
        }

        var publicPage = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.DoesNotContain(publicPage.Document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("/lib/", StringComparison.Ordinal));
    }
}
