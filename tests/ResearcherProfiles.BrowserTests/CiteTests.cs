using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Demo;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>The "Cite" block under a publication: open it, the BibTeX loads, copy it, hear that it was copied.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CiteTests(BrowserFixture fixture)
{
    private const string Title = "Lost in the Footnotes: How Language Models Misread Long Documents";

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "dark", Viewport.Phone },
        { "light", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Visitor_opens_a_cite_block_and_copies_the_bibtex(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        var profile = await ProfilePage.OpenAsync(page, DemoSlugs.HomepageStyle);
        var cite = profile.Cite(Title);
        var bibtex = cite.Locator("pre code");
        var copy = cite.GetByRole(AriaRole.Button, new() { Name = $"Copy BibTeX for “{Title}”" });
        await Expect(bibtex).Not.ToBeVisibleAsync();

        var summary = cite.Locator("summary");
        await Expect(summary).ToHaveTextAsync($"Cite “{Title}”");
        await summary.ClickAsync();
        await Expect(bibtex).ToBeVisibleAsync();
        await Expect(bibtex).ToContainTextAsync(new Regex(@"^@inproceedings\{castellanos2025lost,"));
        await copy.ClickAsync();

        await Expect(cite.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await bibtex.TextContentAsync(), clipboard);
        Assert.Contains("title = {Lost in the Footnotes: How Language Models Misread Long Documents}", clipboard, StringComparison.Ordinal);
        // The page may not grow sideways on a phone: the long lines scroll inside the block.
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the open Cite block should not widen the page");
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, Cite block open and copied");
    }

    [Fact]
    public async Task Without_javascript_the_cite_block_links_to_the_bibtex_and_no_copy_button_is_offered()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        var profile = await ProfilePage.OpenAsync(page, DemoSlugs.HomepageStyle);
        var cite = profile.Cite(Title);

        await cite.Locator("summary").ClickAsync();

        // The page does not carry the entry: the block links to it.
        await Expect(cite.Locator("pre")).ToHaveCountAsync(0);
        await Expect(cite.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var link = cite.GetByRole(AriaRole.Link, new() { Name = $"BibTeX for “{Title}”" });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people/mira-castellanos/publications/\d+\.bib$"));
        await Expect(page.Locator("body")).ToContainTextAsync(new Regex(@"^@inproceedings\{castellanos2025lost,"));
    }

    [Fact]
    public async Task In_the_publication_list_the_bibtex_loads_when_its_block_is_opened()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Dark, Viewport.Phone);
        var page = await context.NewPageAsync();
        // Counted as they are made: the browser reports requests on threads of its own.
        var entriesLoaded = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith(".bib", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref entriesLoaded);
            }
        };
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}/publications");
        var cite = new PublicationsPage(page).Cite(Title);
        await Expect(cite.Locator("summary")).ToBeVisibleAsync();
        Assert.Equal(0, Volatile.Read(ref entriesLoaded));

        await cite.Locator("summary").ClickAsync();

        await Expect(cite.Locator("pre code")).ToContainTextAsync(new Regex(@"^@inproceedings\{castellanos2025lost,"));
        Assert.Equal(1, Volatile.Read(ref entriesLoaded));
        // Closed and opened again, the block keeps what it loaded.
        await cite.Locator("summary").ClickAsync();
        await cite.Locator("summary").ClickAsync();
        await Expect(cite.Locator("pre code")).ToHaveCountAsync(1);
        Assert.Equal(1, Volatile.Read(ref entriesLoaded));
        await page.AssertNoAxeViolationsAsync("dark mode, phone, publication list, Cite block loaded");
    }

    [Fact]
    public async Task When_the_bibtex_cannot_be_loaded_the_block_says_so_and_keeps_the_link()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Light, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*.bib", route => route.AbortAsync());
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}/publications");
        var cite = new PublicationsPage(page).Cite(Title);

        await cite.Locator("summary").ClickAsync();

        await Expect(cite.GetByRole(AriaRole.Status)).ToHaveTextAsync("Could not load the BibTeX here: follow the link to open it");
        await Expect(cite.GetByRole(AriaRole.Link, new() { Name = $"BibTeX for “{Title}”" })).ToBeVisibleAsync();
        await Expect(cite.Locator("pre")).ToHaveCountAsync(0);
        await page.AssertNoAxeViolationsAsync("light mode, desktop, publication list, Cite block that could not load");
    }
}
