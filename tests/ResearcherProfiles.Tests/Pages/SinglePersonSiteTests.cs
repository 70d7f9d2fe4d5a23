using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// A site made one researcher's homepage in the administrator's site settings: "/" is that profile,
/// its old address leads there, the directory is gone, and the site falls back to the directory
/// when the profile leaves the public site.
/// </summary>
public sealed class SinglePersonSiteTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_home_page_is_the_chosen_profile_exactly_as_its_own_address_showed_it()
    {
        var home = await new ResearcherBuilder("Solo Scholar").With(r => r.AboutMarkdown = "I study **tides**.")
            .WithNews("2024-05", "Moved to a new lab.")
            .SaveAsync(factory);
        await new ResearcherBuilder("Other Person").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(null);
        var profileBefore = await _visitor.GetPageAsync($"/people/{home.Slug}");

        await admin.SetHomeAsync(home.Slug);

        var page = await _visitor.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(profileBefore.Document.QuerySelector("main article.profile")!.OuterHtml, page.Document.QuerySelector("main article.profile")!.OuterHtml);
        Assert.Equal("Solo Scholar", page.TextOf(".site-name"));
        Assert.Equal("Solo Scholar", page.Document.Title);
    }

    [Fact]
    public async Task Links_to_the_home_profile_from_co_authors_papers_and_search_lead_to_the_home_page()
    {
        var w = Search.SearchTests.Word();
        var home = await new ResearcherBuilder($"Linked Home {w}").SaveAsync(factory);
        var coauthor = await new ResearcherBuilder("Linking Coauthor")
            .WithPublication($"Joint Work {w}", p => p.Owner().Author(home), highlighted: true)
            .SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        var profile = await _visitor.GetPageAsync($"/people/{coauthor.Slug}");
        var list = await _visitor.GetPageAsync($"/people/{coauthor.Slug}/publications");
        var paperPath = list.Document.QuerySelector("article.pub h3 a")!.GetAttribute("href")!;
        var paper = await _visitor.GetPageAsync(paperPath);
        var search = await _visitor.GetPageAsync($"/search?q={w}");

        foreach (var (page, where) in new[] { (profile, "profile"), (list, "publication list"), (paper, "paper page") })
        {
            var link = page.Document.QuerySelectorAll(".pub-authors a").Single(a => a.TextContent == $"Linked Home {w}");
            Assert.True(link.GetAttribute("href") == "/", $"{where}: {link.GetAttribute("href")}");
        }
        Assert.Equal("/", search.Document.QuerySelector(".search-person .search-title a")!.GetAttribute("href"));
        await admin.SetHomeAsync(null);
        Assert.Equal($"/people/{home.Slug}", (await _visitor.GetPageAsync($"/search?q={w}")).Document.QuerySelector(".search-person .search-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_directory_is_hidden_on_a_single_person_site()
    {
        var home = await new ResearcherBuilder("Hidden Directory").SaveAsync(factory);
        var other = await new ResearcherBuilder("Listed Elsewhere").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        foreach (var url in new[] { "/", "/?page=2", "/?page=1", "/Index", "/index?page=3" })
        {
            var page = await _visitor.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Hidden Directory", page.TextOf("main h1"));
            Assert.Empty(page.Document.QuerySelectorAll("ul.directory"));
            Assert.DoesNotContain("People", page.TextsOf("nav.site-nav a"));
            Assert.DoesNotContain($"/people/{other.Slug}", page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        }
        // Other profiles keep their addresses, with no way back to a directory.
        var otherPage = await _visitor.GetPageAsync($"/people/{other.Slug}");
        Assert.Equal(HttpStatusCode.OK, otherPage.Status);
        Assert.DoesNotContain("People", otherPage.TextsOf("nav.site-nav a"));
    }

    [Fact]
    public async Task The_home_page_names_itself_as_the_profile_s_one_address_in_its_head_and_in_the_sitemap()
    {
        var home = await new ResearcherBuilder("Canonical Home").WithNews("2024-06", "A new paper.").SaveAsync(factory);
        var other = await new ResearcherBuilder("Canonical Other").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        var page = await _visitor.GetPageAsync("/");
        var canonical = page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        var origin = canonical[..^1];
        var sitemap = System.Xml.Linq.XDocument.Parse(await _visitor.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var listed = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();

        Assert.EndsWith("/", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("/people/", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, page.Document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal($"/people/{home.Slug}/news.atom", page.Document.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        Assert.Single(listed, origin + "/");
        Assert.DoesNotContain(origin + $"/people/{home.Slug}", listed);
        Assert.Contains(origin + $"/people/{other.Slug}", listed);
        Assert.DoesNotContain(listed, url => url.Contains("/?page=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("?tab=news")]
    public async Task The_home_profile_s_own_address_moves_permanently_to_the_home_page(string suffix)
    {
        var home = await new ResearcherBuilder("Moved Home").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        using var response = await _visitor.GetAsync(new Uri($"/people/{home.Slug}{suffix}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/" + (suffix.StartsWith('?') ? suffix : ""), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_home_profile_s_other_pages_stay_and_lead_back_to_the_home_page()
    {
        var home = await new ResearcherBuilder("Sub Pages").With(r => r.OfferCv = true)
            .WithPublication("A paper of the home profile", p => { }, highlighted: true)
            .SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        var publications = await _visitor.GetPageAsync($"/people/{home.Slug}/publications");
        Assert.Equal(HttpStatusCode.OK, publications.Status);
        Assert.Equal(["Sub Pages", "Publications"], publications.TextsOf("nav.breadcrumbs a"));
        Assert.Equal("/", publications.Document.QuerySelector("nav.breadcrumbs a")!.GetAttribute("href"));

        var cv = await _visitor.GetPageAsync($"/people/{home.Slug}/cv");
        Assert.Equal(HttpStatusCode.OK, cv.Status);
        Assert.Equal("/", cv.Document.QuerySelectorAll(".cv-actions a").Single(a => a.CleanText() == "Profile").GetAttribute("href"));

        var paperUrl = publications.Document.QuerySelector("article.pub h3 a")!.GetAttribute("href")!;
        var paper = await _visitor.GetPageAsync(paperUrl);
        Assert.Equal("/", paper.Document.QuerySelector(".paper-on-site a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Feeds_and_a_paper_s_structured_data_give_the_home_page_as_the_home_profile_s_address()
    {
        var home = await new ResearcherBuilder("Fed Home")
            .WithNews("2025-03", "A new grant.")
            .SaveAsync(factory);
        var coauthor = await new ResearcherBuilder("Fed Coauthor")
            .WithPublication("Written With The Home Profile", p => p.Owner().Author(home), highlighted: true)
            .SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);
        var homeUrl = factory.Services.GetRequiredService<PublicUrl>().Absolute("/");
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var news = XDocument.Parse(await _visitor.GetStringAsync(new Uri($"/people/{home.Slug}/news.atom", UriKind.Relative)));
        var papers = XDocument.Parse(await _visitor.GetStringAsync(new Uri("/papers.atom", UriKind.Relative)));
        var list = await _visitor.GetPageAsync($"/people/{coauthor.Slug}/publications");
        var paper = await _visitor.GetPageAsync(list.Document.QuerySelector("article.pub h3 a")!.GetAttribute("href")!);

        Assert.All(news.Descendants(atom + "uri"), uri => Assert.Equal(homeUrl, uri.Value));
        Assert.All(news.Descendants(atom + "entry").Elements(atom + "link").Select(l => l.Attribute("href")!.Value),
            href => Assert.StartsWith(homeUrl + "#", href, StringComparison.Ordinal));
        Assert.Equal(homeUrl, papers.Descendants(atom + "author").Single(a => a.Element(atom + "name")!.Value == "Fed Home").Element(atom + "uri")!.Value);
        using var jsonLd = JsonDocument.Parse(paper.Document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var author = jsonLd.RootElement.GetProperty("author").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Fed Home");
        Assert.Equal(homeUrl, author.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_hidden_or_trashed_home_profile_leaves_the_directory_on_the_home_page_and_the_settings_say_why()
    {
        var home = await new ResearcherBuilder("Fading Home").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);
        Assert.Equal("Fading Home", (await _visitor.GetPageAsync("/")).TextOf("main h1"));

        using (var hide = await admin.SubmitFormAsync($"/admin/profiles/{home.Id}", new Dictionary<string, string>(), "form#hide-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }
        AssertDirectory(await _visitor.GetPageAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetPageAsync($"/people/{home.Slug}")).Status);
        var settings = await admin.GetPageAsync("/admin/site");
        Assert.Contains("hidden from the public site", settings.TextOf("#home-problem"), StringComparison.Ordinal);
        Assert.Equal("The home page shows the directory of researchers.", settings.TextOf("#home-state"));

        using (var unhide = await admin.SubmitFormAsync($"/admin/profiles/{home.Id}", new Dictionary<string, string>(), "form#unhide-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unhide.StatusCode);
        }
        Assert.Equal("Fading Home", (await _visitor.GetPageAsync("/")).TextOf("main h1"));

        using (var trash = await admin.SubmitFormAsync($"/admin/profiles/{home.Id}", new Dictionary<string, string>(), "form#trash-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        }
        AssertDirectory(await _visitor.GetPageAsync("/"));
        Assert.Contains("in the trash", (await admin.GetPageAsync("/admin/site")).TextOf("#home-problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purged_home_profile_leaves_the_directory()
    {
        var home = await new ResearcherBuilder("Purged Home").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        await factory.ChangeDataAsync(db => db.Researchers.Where(r => r.Id == home.Id).ExecuteDeleteAsync());

        AssertDirectory(await _visitor.GetPageAsync("/"));
        var settings = await admin.GetPageAsync("/admin/site");
        Assert.Equal("The home page shows the directory of researchers.", settings.TextOf("#home-state"));
        Assert.Null(await factory.QueryAsync(db => db.SiteSettings.Select(s => s.HomeProfileId).SingleAsync()));
    }

    [Fact]
    public async Task Switching_back_to_the_directory_restores_it_at_once_though_the_home_page_was_cached()
    {
        var home = await new ResearcherBuilder("Switching Home").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(null);
        AssertDirectory(await _visitor.GetPageAsync("/"));
        AssertDirectory(await _visitor.GetPageAsync("/"));

        await admin.SetHomeAsync(home.Slug);
        // The directory was served from the output cache before the change; the save evicted it.
        Assert.Equal("Switching Home", (await _visitor.GetPageAsync("/")).TextOf("main h1"));
        // The single-person home page is cached as the directory was: a second visit asks nothing of the database.
        Assert.Empty(await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync("/")));

        await admin.SetHomeAsync(null);

        var directory = await _visitor.GetPageAsync("/");
        AssertDirectory(directory);
        Assert.Contains("People", directory.TextsOf("nav.site-nav a"));
        Assert.Contains($"/people/{home.Slug}", directory.Document.QuerySelectorAll("ul.directory a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetPageAsync($"/people/{home.Slug}")).Status);
    }

    [Fact]
    public async Task The_home_page_costs_at_most_one_query_more_than_the_profile_page()
    {
        var home = await new ResearcherBuilder("Counted Home").With(r => r.AboutMarkdown = "Counted.").WithNews("2023", "News.").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(null);
        var asProfile = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{home.Slug}"));

        await admin.SetHomeAsync(home.Slug);
        var asHome = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync("/"));

        Assert.InRange(asHome.Count, 1, asProfile.Count + 1);
    }

    [Fact]
    public async Task The_single_person_home_page_is_valid_html()
    {
        var home = await new ResearcherBuilder("Valid Home").With(r => r.AboutMarkdown = "Valid *markup*.").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);

        var problems = await HtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["/"] = await _visitor.GetStringAsync(new Uri("/", UriKind.Relative)),
            ["/admin/site"] = await admin.GetStringAsync(new Uri("/admin/site", UriKind.Relative)),
        });

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task A_new_name_for_the_home_profile_renames_the_site_on_every_cached_page()
    {
        var home = await new ResearcherBuilder("Named Site").SaveAsync(factory);
        var other = await new ResearcherBuilder("Unrelated Page").SaveAsync(factory);
        var admin = await SignInAdminAsync();
        await admin.SetHomeAsync(home.Slug);
        (await _visitor.GetAsync(new Uri($"/people/{other.Slug}", UriKind.Relative))).Dispose();
        using (var cached = await _visitor.GetAsync(new Uri($"/people/{other.Slug}", UriKind.Relative)))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        (await admin.SubmitFormAsync($"/edit/{home.Slug}", new Dictionary<string, string> { ["Input.DisplayName"] = "Renamed Site" }, "form.basics-form")).Dispose();

        Assert.Equal("Renamed Site", (await _visitor.GetPageAsync($"/people/{other.Slug}")).TextOf(".site-name"));
        Assert.Equal("Renamed Site", (await _visitor.GetPageAsync("/")).TextOf(".site-name"));
    }

    private async Task<HttpClient> SignInAdminAsync() => (await factory.SignInAdminAsync()).Client;

    private static void AssertDirectory(HtmlPage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("People", page.TextOf("main h1"));
    }
}

/// <summary>The administrator's site settings form, submitted as a browser does.</summary>
public static class SiteSettingsForm
{
    /// <summary>Makes the home page the profile <paramref name="slug"/>, or the directory for null.</summary>
    public static async Task SetHomeAsync(this HttpClient admin, string? slug)
    {
        using var response = await admin.SubmitFormAsync("/admin/site", Fields(slug));
        response.AssertRedirectedTo("/admin/site");
    }

    public static Dictionary<string, string> Fields(string? slug) => new()
    {
        ["Input.Home"] = slug is null ? "Directory" : "Profile",
        ["Input.ProfileAddress"] = slug ?? string.Empty,
    };
}

/// <summary>A site started with Site:HomeProfile, as a `docker run` would: the configured profile is home until an administrator saves the settings.</summary>
public sealed class ConfiguredHomeProfileTests(ConfiguredHomeProfileTests.ConfiguredFactory factory) : IClassFixture<ConfiguredHomeProfileTests.ConfiguredFactory>
{
    private const string ConfiguredSlug = "configured-home-person";

    public sealed class ConfiguredFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimiting:Accounts:PermitLimit"] = "100000",
            [Web.Startup.SiteOptions.HomeProfileKey] = ConfiguredSlug,
        };
    }

    [Fact]
    public async Task The_configured_profile_is_home_until_the_administrator_saves_another_choice()
    {
        var visitor = factory.CreateVisitor();
        // Before the profile exists the site is a directory, not an error.
        Assert.Equal("People", (await visitor.GetPageAsync("/")).TextOf("main h1"));
        var admin = await factory.SignInAsync((await factory.CreateAdminAsync()).Email!);
        Assert.Contains($"No profile has the address “{ConfiguredSlug}”", (await admin.GetPageAsync("/admin/site")).TextOf("#home-problem"), StringComparison.Ordinal);

        await new ResearcherBuilder("Configured Person").With(r => r.Slug = ConfiguredSlug).SaveAsync(factory);
        await factory.EvictPublicPagesAsync();

        Assert.Equal("Configured Person", (await visitor.GetPageAsync("/")).TextOf("main h1"));
        var settings = await admin.GetPageAsync("/admin/site");
        Assert.Contains("Site:HomeProfile", settings.TextOf("#home-state"), StringComparison.Ordinal);
        Assert.Equal(ConfiguredSlug, settings.Document.QuerySelector("#Input_ProfileAddress")!.GetAttribute("value"));

        await admin.SetHomeAsync(null);

        Assert.Equal("People", (await visitor.GetPageAsync("/")).TextOf("main h1"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetPageAsync($"/people/{ConfiguredSlug}")).Status);
    }
}
