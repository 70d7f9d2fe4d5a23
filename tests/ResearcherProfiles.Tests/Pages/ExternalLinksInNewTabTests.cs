using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// The renderer takes the rule for links to other sites from the app once at start-up, for the whole
/// process; tests of a site with the option on therefore run on their own, after all others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NewTabSiteCollection
{
    public const string Name = "A site whose links to other sites open in a new tab";
}

/// <summary>A site with Site:ExternalLinksInNewTab on; disposed, it leaves the renderer as every other test expects it.</summary>
public sealed class NewTabSiteFactory : ProfilesAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Site:ExternalLinksInNewTab"] = "true" };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        MarkdownRenderer.Links = ExternalLinks.SameTab;
    }
}

/// <summary>Site:ExternalLinksInNewTab on the public pages: Markdown, the profile's links and publication links.</summary>
[Collection(NewTabSiteCollection.Name)]
public sealed class ExternalLinksInNewTabTests(NewTabSiteFactory factory) : IClassFixture<NewTabSiteFactory>
{
    [Fact]
    public async Task Links_to_other_sites_open_in_a_new_tab_and_say_so()
    {
        var profile = await MarkdownStructureTests.LinkedProfile(new ResearcherBuilder("Tabby Newton")).SaveAsync(factory);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");

        string[] external =
        [
            "https://papers.example.com/1", "https://auto.example.com/x", "https://owner.example.org/",
            "https://github.example.com/owner", "https://code.example.com/repo",
        ];
        foreach (var href in external)
        {
            var link = page.Document.QuerySelector($"main a[href='{href}']");
            Assert.True(link is not null, href);
            Assert.Equal("_blank", link.GetAttribute("target"));
            Assert.Contains("noopener", link.GetAttribute("rel")!.Split(' '));
            Assert.Contains("noreferrer", link.GetAttribute("rel")!.Split(' '));
            Assert.Equal("(opens in a new tab)", link.QuerySelector(".visually-hidden:last-child")?.CleanText());
        }
        // The profile's own links keep saying whose they are.
        Assert.Contains("me", page.Document.QuerySelector("main a[href='https://github.example.com/owner']")!.GetAttribute("rel")!.Split(' '));
    }

    [Fact]
    public async Task Every_public_page_opens_each_of_its_links_to_other_sites_in_a_new_tab()
    {
        var profile = await PublicPagesLinksToOtherSites.EveryKindOfLink(new ResearcherBuilder("Every Tab")).SaveAsync(factory);

        var pages = await PublicPagesLinksToOtherSites.PagesAsync(factory.CreateVisitor(), profile.Slug);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (url, page) in pages)
        {
            var external = PublicPagesLinksToOtherSites.ToOtherSites(page);
            foreach (var link in external)
            {
                seen.Add(link.GetAttribute("href")!);
                Assert.True(link.GetAttribute("target") == "_blank", $"{url}: {link.OuterHtml}");
                var rel = link.GetAttribute("rel")?.Split(' ') ?? [];
                Assert.True(rel.Contains("noopener") && rel.Contains("noreferrer"), $"{url}: {link.OuterHtml}");
                Assert.True(link.QuerySelector(".visually-hidden:last-child")?.CleanText() == "(opens in a new tab)", $"{url}: {link.OuterHtml}");
            }
            Assert.All(page.Document.QuerySelectorAll("a[target]").Except(external), link => Assert.Fail($"{url}: a link within the site opens a new tab: {link.OuterHtml}"));
        }
        Assert.Empty(PublicPagesLinksToOtherSites.Expected.Except(seen));
        // The profile's own links keep saying whose they are.
        Assert.Contains("me", pages[$"/people/{profile.Slug}"].Document.QuerySelector("a[href='https://owner.example.org/']")!.GetAttribute("rel")!.Split(' '));
    }

    [Fact]
    public async Task Links_within_the_site_and_mailto_links_are_untouched()
    {
        var profile = await MarkdownStructureTests.LinkedProfile(new ResearcherBuilder("Stay Here")).SaveAsync(factory);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");

        string[] untouched = ["http://localhost/people/someone/publications", "/people/someone", "mailto:owner@example.org"];
        foreach (var href in untouched)
        {
            var links = page.Document.QuerySelectorAll($"main a[href='{href}']");
            Assert.True(links.Length > 0, href);
            Assert.All(links, link =>
            {
                Assert.Null(link.GetAttribute("target"));
                Assert.DoesNotContain("opens in a new tab", link.TextContent, StringComparison.Ordinal);
            });
        }
        Assert.All(page.Document.QuerySelectorAll(".site-header a, .breadcrumbs a, .pub-title a"), link => Assert.Null(link.GetAttribute("target")));
    }

    [Fact]
    public async Task The_paper_page_opens_its_links_in_a_new_tab()
    {
        var profile = await MarkdownStructureTests.LinkedProfile(new ResearcherBuilder("Paper Tab")).SaveAsync(factory);
        var list = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}/publications");
        var paperUrl = list.Document.QuerySelector("article.pub h3 a")!.GetAttribute("href")!;

        var paper = await factory.CreateVisitor().GetPageAsync(paperUrl);

        var code = paper.Document.QuerySelector("main a[href='https://code.example.com/repo']")!;
        Assert.Equal("_blank", code.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", code.GetAttribute("rel"));
    }

    [Fact]
    public async Task Pages_with_new_tab_links_and_deep_headings_are_valid_html()
    {
        var profile = await MarkdownStructureTests.WithEveryMarkdownField(
            MarkdownStructureTests.LinkedProfile(new ResearcherBuilder("Valid Deep")),
            MarkdownStructureTests.AllLevels + "\n\nSee [a long paper](https://papers.example.com/2) and https://auto.example.com/y.").SaveAsync(factory);
        var client = factory.CreateVisitor();
        var list = await client.GetPageAsync($"/people/{profile.Slug}/publications");
        var paperUrl = list.Document.QuerySelector("article.pub h3 a")!.GetAttribute("href")!;

        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { $"/people/{profile.Slug}", $"/people/{profile.Slug}/publications", paperUrl })
        {
            pages[url] = await client.GetStringOrErrorPageAsync(url);
        }

        Assert.Contains("opens in a new tab", pages[$"/people/{profile.Slug}"], StringComparison.Ordinal);
        Assert.Contains("<h6", pages[$"/people/{profile.Slug}"], StringComparison.Ordinal);
        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
