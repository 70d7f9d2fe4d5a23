using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;

namespace ResearcherProfiles.BrowserTests;

/// <summary>Searching from the directory, with JavaScript (results as you type) and without (the form).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SearchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_the_directory_form_opens_the_search_page()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await DirectoryPage.OpenAsync(page);
        var search = new SearchBox(page);

        await search.Input.FillAsync("castellanos");
        await search.Button.ClickAsync();

        await page.WaitForURLAsync(SearchAddress());
        Assert.Equal("castellanos", await search.Input.InputValueAsync());
        Assert.Contains("Mira Castellanos", await search.PeopleNames.AllTextContentsAsync());
        Assert.StartsWith("Search: castellanos", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await search.PaperTitles.CountAsync() > 0);
    }

    [Fact]
    public async Task With_javascript_results_come_as_you_type_and_focus_stays_in_the_box()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await DirectoryPage.OpenAsync(page);
        var search = new SearchBox(page);

        await search.Input.PressSequentiallyAsync("castel", new() { Delay = 40 });

        await Assertions.Expect(search.PeopleNames.First).ToHaveTextAsync("Mira Castellanos");
        await Assertions.Expect(search.Directory).ToBeHiddenAsync();
        await Assertions.Expect(search.Status).ToContainTextAsync("found for “castel”");
        Assert.True(await search.Input.EvaluateAsync<bool>("box => document.activeElement === box"));
        Assert.Matches(SearchAddress(), page.Url);

        await search.Input.FillAsync("");
        await Assertions.Expect(search.Directory).ToBeVisibleAsync();
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_search_page_and_live_results_have_no_axe_violations(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await context.NewPageAsync();
        var search = new SearchBox(page);

        await page.GotoAsync("/search?q=castellanos");
        await page.AssertNoAxeViolationsAsync($"search page, {scheme} mode, {viewport}");
        await page.GotoAsync("/search?q=nothingbythisname");
        await page.AssertNoAxeViolationsAsync($"nothing found, {scheme} mode, {viewport}");

        await page.GotoAsync("/");
        await search.Input.PressSequentiallyAsync("long", new() { Delay = 40 });
        await Assertions.Expect(search.Summary).ToContainTextAsync("found for “long”");
        await page.AssertNoAxeViolationsAsync($"live results on the directory, {scheme} mode, {viewport}");
    }

    [GeneratedRegex(@"/search\?q=castel")]
    private static partial Regex SearchAddress();
}
