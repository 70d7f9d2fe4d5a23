using System.Net;
using ResearcherProfiles.Web.Feeds;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>/robots.txt keeps crawlers out of the signed-in parts of the site and points them to the sitemap.</summary>
public sealed class RobotsTests(FeedsAppFactory factory) : IClassFixture<FeedsAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Robots_disallow_the_editor_accounts_administration_and_setup_and_name_the_sitemap()
    {
        using var response = await _visitor.GetAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        var disallowed = lines.Where(l => l.StartsWith("Disallow: ", StringComparison.Ordinal)).Select(l => l["Disallow: ".Length..]).ToList();
        Assert.Equal(["/edit", "/account", "/admin", "/setup", "/healthz", "/error", "/not-found", "/search"], disallowed);
        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {FeedsAppFactory.Origin}/sitemap.xml", lines);

        // The public pages are not matched by any rule, the private ones are.
        foreach (var open in new[] { "/", "/people/ada", "/publications/1/a-paper", "/papers.atom", "/sitemap.xml" })
        {
            Assert.DoesNotContain(disallowed, d => open.StartsWith(d, StringComparison.Ordinal));
        }
        foreach (var closed in new[] { "/edit/ada", "/account/login", "/admin/profiles", "/setup?token=x" })
        {
            Assert.Contains(disallowed, d => closed.StartsWith(d, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_site_served_under_a_path_has_its_rules_and_sitemap_there()
    {
        Assert.True(PublicUrl.TryParse("https://example.org/lab/", out var site));

        var lines = FeedEndpoints.RobotsTxt(site).Split('\n');

        Assert.Contains("Disallow: /lab/edit", lines);
        Assert.Contains("Allow: /lab/", lines);
        Assert.Contains("Sitemap: https://example.org/lab/sitemap.xml", lines);
    }
}
