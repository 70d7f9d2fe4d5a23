using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Demo;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>The "Cite" block under a publication: open it, copy the BibTeX, hear that it was copied.</summary>
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
    public async Task Without_javascript_the_bibtex_is_there_and_no_copy_button_is_offered()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        var profile = await ProfilePage.OpenAsync(page, DemoSlugs.HomepageStyle);
        var cite = profile.Cite(Title);

        await cite.Locator("summary").ClickAsync();

        await Expect(cite.Locator("pre code")).ToBeVisibleAsync();
        await Expect(cite.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }
}
