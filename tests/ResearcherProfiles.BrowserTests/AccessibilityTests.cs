using Microsoft.Playwright;
using ResearcherProfiles.Demo;

namespace ResearcherProfiles.BrowserTests;

/// <summary>axe-core on every kind of public page, in light and dark mode, on a phone and a desktop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string[] Paths =
    [
        "/",
        $"/people/{DemoSlugs.HomepageStyle}",
        $"/people/{DemoSlugs.LongAbout}",
        $"/people/{DemoSlugs.ProjectHeavy}",
        $"/people/{DemoSlugs.FullCv}",
        $"/people/{DemoSlugs.HomepageStyle}/publications",
        $"/people/{DemoSlugs.HomepageStyle}/publications?type=conference&year=2024",
        $"/people/{DemoSlugs.HomepageStyle}/publications?type=journal&year=2017",
        "/people/nobody-by-this-name",
    ];

    /// <summary>Paper pages with marks and an abstract, journal details, and a thesis; found through their titles' links.</summary>
    private static readonly string[] PaperTitles = ["Needles Are Not Enough", "Calibrated Abstention", "Reading at Length"];

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Public_pages_have_no_axe_violations(string scheme, Viewport viewport)
    {
        var colorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        await using var context = await fixture.NewContextAsync(colorScheme, viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.True(
            await page.EvaluateAsync<bool>("scheme => matchMedia(`(prefers-color-scheme: ${scheme})`).matches", scheme),
            $"the browser should prefer the {scheme} colour scheme");
        var failures = new List<string>();
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}/publications");
        var paperPaths = new List<string>();
        foreach (var title in PaperTitles)
        {
            paperPaths.Add((await page.Locator("article.pub h3 a", new() { HasText = title }).GetAttributeAsync("href"))!);
        }

        // Project pages (the long write-ups), found through the project-heavy profile's cards.
        await page.GotoAsync($"/people/{DemoSlugs.ProjectHeavy}");
        var projectPaths = await page.Locator(".project-title a").EvaluateAllAsync<string[]>("links => links.slice(0, 2).map(a => a.getAttribute('href'))");
        Assert.NotEmpty(projectPaths);

        foreach (var path in Paths.Concat(paperPaths).Concat(projectPaths))
        {
            await page.GotoAsync(path);
            try
            {
                await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport} {viewport.Width}x{viewport.Height}");
            }
            catch (Xunit.Sdk.FailException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Opened_older_news_has_no_axe_violations()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Dark, Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}");
        await page.Locator("summary", new() { HasText = "older news" }).ClickAsync();

        await page.AssertNoAxeViolationsAsync("dark mode, phone, older news open");
    }
}
