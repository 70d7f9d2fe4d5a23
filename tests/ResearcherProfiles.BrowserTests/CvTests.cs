using Microsoft.Playwright;
using ResearcherProfiles.Demo;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>The CV page in a browser: axe-core in light and dark mode on a phone and a desktop, and both the CV and the profile as print shows them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CvTests(BrowserFixture fixture)
{
    private static readonly string[] Slugs = [DemoSlugs.HomepageStyle, DemoSlugs.ProjectHeavy, DemoSlugs.FullCv, DemoSlugs.PhoneShown];

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Cv_pages_have_no_axe_violations_and_no_sideways_scroll(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var slug in Slugs)
        {
            await page.GotoAsync($"/people/{slug}/cv");
            try
            {
                await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, CV of {slug}");
            }
            catch (Xunit.Sdk.FailException e)
            {
                failures.Add(e.Message);
            }
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                failures.Add($"The CV of {slug} scrolls sideways by {overflow}px at {viewport}.");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_printed_cv_has_no_site_chrome_and_writes_out_web_addresses()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Light, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/people/{DemoSlugs.FullCv}/cv");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Expect(page.Locator(".cv-actions")).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        var after = await page.EvaluateAsync<string>(
            "() => { const a = document.querySelector('main a[href^=\"http\"]:not(.url-shown)'); return a ? getComputedStyle(a, '::after').content : 'no external link'; }");
        Assert.StartsWith("\" (http", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_profile_shows_what_it_folds_away_and_folds_it_again_afterwards()
    {
        await using var context = await fixture.NewContextAsync(ColorScheme.Light, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/people/{DemoSlugs.HomepageStyle}");
        var olderNews = page.Locator("details.more ul.news li").First;
        await Expect(olderNews).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".profile-cv")).ToBeHiddenAsync();
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        await Expect(olderNews).ToBeVisibleAsync();
        Assert.True(await page.Locator("details.more").First.EvaluateAsync<bool>("d => d.open"));

        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(olderNews).ToBeHiddenAsync();
    }
}
