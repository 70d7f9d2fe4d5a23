using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Validation;

/// <summary>The demo site's public pages, run through the W3C Nu HTML Checker (vnu.jar).</summary>
public sealed class HtmlValidityTests(HtmlValidityTests.DemoSiteFactory factory) : IClassFixture<HtmlValidityTests.DemoSiteFactory>
{
    public sealed class DemoSiteFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            new Dictionary<string, string> { ["Demo:Seed"] = "true" };
    }

    [Fact]
    public async Task Every_public_page_of_the_demo_site_is_valid_html()
    {
        var client = factory.CreateVisitor();
        var urls = new List<string> { "/", "/people/no-such-person", "/?interest=no%20such%20interest" };
        // The directory narrowed by a tag link and by an affiliation link, as a visitor follows them.
        var directory = await client.GetPageAsync("/");
        urls.Add(directory.Document.QuerySelector(".directory-card .tag a")!.GetAttribute("href")!);
        urls.Add(directory.Document.QuerySelector(".directory-card .affiliation a")!.GetAttribute("href")!);
        foreach (var slug in DemoSlugs.All)
        {
            urls.Add($"/people/{slug}");
            urls.Add($"/people/{slug}/publications");
        }
        var list = $"/people/{DemoSlugs.HomepageStyle}/publications";
        urls.AddRange([$"{list}?type=conference&year=2024", $"{list}?status=published", $"{list}?type=journal&year=2017"]);
        // Every paper of the fullest demo profile: journal details, a thesis, marks, badges, abstracts.
        await factory.ChangeDataAsync(async db =>
            (await db.Publications.FirstAsync(p => p.ArxivId == "2400.16952")).Keywords = ["long context", "benchmarks"]);
        var listPage = await client.GetPageAsync(list);
        var paperUrls = listPage.Document.QuerySelectorAll("article.pub h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(paperUrls);
        urls.AddRange(paperUrls);

        var pages = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            pages[url] = await client.GetStringOrErrorPageAsync(url);
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}

internal static class ErrorPageClient
{
    /// <summary>The body of the response whatever its status: the 404 page is checked too.</summary>
    public static async Task<string> GetStringOrErrorPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }
}
