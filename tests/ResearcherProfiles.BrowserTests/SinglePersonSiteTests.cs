using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// An administrator makes the demo site one researcher's homepage in a browser: the settings page,
/// with its error showing, and the single-person home page have no axe violations, in light and
/// dark mode, on a phone and a desktop. The site is the directory again afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SinglePersonSiteTests(BrowserFixture fixture)
{
    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_administrator_makes_the_site_one_researcher_s_homepage(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await context.NewPageAsync();
        var because = $"{scheme} mode, {viewport}";
        await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        var settings = await SiteSettingsPage.OpenAsync(page);
        try
        {
            await page.AssertNoAxeViolationsAsync($"{because}, site settings as opened");

            await settings.OneProfile.CheckAsync();
            await settings.ProfileAddress.FillAsync("no-such-person-here");
            await settings.SaveButton.ClickAsync();
            await Expect(settings.ProfileError).ToHaveTextAsync("No profile has the address “no-such-person-here”. Check it on the profile's page or in the list of profiles.");
            await page.AssertNoAxeViolationsAsync($"{because}, site settings with an unknown profile");

            await settings.SaveHomeAsync(DemoAccounts.ResearcherProfileSlug);
            await page.AssertNoAxeViolationsAsync($"{because}, site settings saved");

            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mira Castellanos");
            var siteNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            await Expect(siteNav.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
            await page.AssertNoAxeViolationsAsync($"{because}, the single-person home page");

            await page.GotoAsync($"/people/{DemoAccounts.ResearcherProfileSlug}");
            Assert.Equal(new Uri(fixture.ServerAddress, "/"), new Uri(page.Url));
        }
        finally
        {
            settings = await SiteSettingsPage.OpenAsync(page);
            await settings.SaveHomeAsync(null);
        }
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("People");
    }
}
