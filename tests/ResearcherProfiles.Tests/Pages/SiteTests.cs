using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>What every response of the site shares: health, static files, headers, the 404 page.</summary>
public sealed class SiteTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Health_endpoint_reports_healthy_with_the_database_reachable()
    {
        using var response = await _visitor.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_asks_nothing_and_readiness_lists_its_checks()
    {
        using var live = await _visitor.GetAsync(new Uri("/healthz/live", UriKind.Relative));
        using var ready = await _visitor.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json; charset=utf-8", ready.Content.Headers.ContentType?.ToString());
        // On PostgreSQL without Redis, readiness also says whether the instance hears the others' evictions.
        var listening = factory.Services.GetService<EvictionsOverPostgres>() is null ? "" : ",\"evictions\":\"Healthy\"";
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{\"database\":\"Healthy\"" + listening + "}}", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_stylesheet_from_the_top_level_wwwroot_is_served_as_css()
    {
        using var response = await _visitor.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_stylesheet_and_icon_the_layout_links_to_exists()
    {
        var home = await _visitor.GetPageAsync("/");
        var assets = home.Document.QuerySelectorAll("head link[rel=stylesheet], head link[rel=icon]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            using var response = await _visitor.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Pages_send_nosniff_and_a_content_security_policy(string url)
    {
        var page = await _visitor.GetPageAsync(url);

        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_sites_own_404_page()
    {
        var page = await _visitor.GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", Assert.Single(page.TextsOf("h1")));
        Assert.NotNull(page.Document.QuerySelector("header.site-header nav a[href='/']"));
        Assert.Equal("text/html", page.ContentHeaders.ContentType?.MediaType);
    }
}
