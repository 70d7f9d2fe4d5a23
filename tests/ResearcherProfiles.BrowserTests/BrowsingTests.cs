using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Demo;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class BrowsingTests(BrowserFixture fixture)
{
    private const string HomepageStyleName = "Mira Castellanos";

    [Fact]
    public async Task Visitor_follows_a_researcher_from_the_directory_to_their_full_publication_list()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var directory = await DirectoryPage.OpenAsync(page);
        await Expect(directory.Heading).ToHaveTextAsync("People");
        await Expect(directory.ResearcherNames).ToHaveCountAsync(DemoSlugs.All.Count);

        var profile = await directory.OpenProfileAsync(HomepageStyleName);
        Assert.EndsWith($"/people/{DemoSlugs.HomepageStyle}", page.Url, StringComparison.Ordinal);
        await Expect(profile.Name).ToHaveCountAsync(1);
        await Expect(profile.Name).ToContainTextAsync(HomepageStyleName);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{HomepageStyleName}"));
        await Expect(profile.SectionHeadings.Filter(new() { HasText = "Selected publications" })).ToHaveCountAsync(1);

        var publications = await profile.OpenAllPublicationsAsync();
        await Expect(publications.Heading).ToHaveTextAsync($"Publications of {HomepageStyleName}");
        var years = await publications.YearsAsync();
        Assert.True(years.Count >= 2, $"expected several year groups, got [{string.Join(", ", years)}]");
        Assert.Equal(years.OrderDescending(), years);
        Assert.Equal(years.Distinct(), years);
        // 25 papers, one of them hidden.
        await Expect(publications.Publications).ToHaveCountAsync(24);
    }

    [Fact]
    public async Task Older_news_opens_with_the_keyboard()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var profile = await ProfilePage.OpenAsync(page, DemoSlugs.HomepageStyle);

        await Expect(profile.OlderNews).Not.ToHaveAttributeAsync("open", new Regex(".*"));
        await Expect(profile.OlderNewsItems.First).Not.ToBeVisibleAsync();

        await profile.OlderNewsSummary.FocusAsync();
        await Expect(profile.OlderNewsSummary).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(profile.OlderNews).ToHaveAttributeAsync("open", new Regex(".*"));
        await Expect(profile.OlderNewsItems.First).ToBeVisibleAsync();
        // 16 news items, 1 hidden, 5 shown before "show more".
        await Expect(profile.OlderNewsItems).ToHaveCountAsync(10);
    }

    [Fact]
    public async Task Pages_work_with_JavaScript_disabled()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        var directory = await DirectoryPage.OpenAsync(page);
        await Expect(directory.ResearcherNames).ToHaveCountAsync(DemoSlugs.All.Count);

        var profile = await directory.OpenProfileAsync(HomepageStyleName);
        await Expect(profile.Name).ToContainTextAsync(HomepageStyleName);
        await profile.OlderNewsSummary.ClickAsync();
        await Expect(profile.OlderNewsItems.First).ToBeVisibleAsync();

        var publications = await profile.OpenAllPublicationsAsync();
        await Expect(publications.Heading).ToHaveTextAsync($"Publications of {HomepageStyleName}");
        await Expect(publications.Publications).ToHaveCountAsync(24);
    }

    [Fact]
    public async Task Visitor_filters_the_publication_list_and_opens_a_paper_without_JavaScript()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}/publications");
        var publications = new PublicationsPage(page);
        await Expect(publications.Summary).ToHaveTextAsync("24 publications");

        await publications.FilterAsync("Type", "Journal");
        await publications.FilterAsync("Year", "2024");

        Assert.EndsWith("/publications?type=journal&year=2024", page.Url, StringComparison.Ordinal);
        await Expect(publications.ActiveValue("Type")).ToHaveTextAsync("Journal (1)");
        await Expect(publications.ActiveValue("Year")).ToHaveTextAsync("2024 (1)");
        await Expect(publications.Summary).ToHaveTextAsync("1 of 24 publications");
        await Expect(publications.Publications).ToHaveTextAsync(["★ Selected: Calibrated Abstention for Retrieval-Augmented Question Answering"]);

        await publications.ClearFiltersAsync();
        await Expect(publications.Publications).ToHaveCountAsync(24);

        var paper = await publications.OpenPaperAsync("Needles Are Not Enough");
        await Expect(paper.Title).ToHaveTextAsync(new Regex("^Needles Are Not Enough"));
        Assert.Matches(@"/publications/\d+/needles-are-not-enough-a-benchmark-for-multi$", page.Url);
        await Expect(paper.OnThisSite.GetByRole(AriaRole.Link)).ToHaveTextAsync([HomepageStyleName, "Rafael Duarte"]);
        await Expect(paper.Details).ToContainTextAsync("10.5555/naacl-long.2024.221");
    }

    [Fact]
    public async Task Unknown_profile_shows_the_not_found_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/people/nobody-by-this-name");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse all people" }).ClickAsync();
        await Expect(new DirectoryPage(page).ResearcherNames).ToHaveCountAsync(DemoSlugs.All.Count);
    }
}
