using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The administrator's site settings at /admin/site: what the home page shows.</summary>
public sealed class SiteSettingsPage(IPage page)
{
    public static async Task<SiteSettingsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin/site");
        return new SiteSettingsPage(page);
    }

    public ILocator Directory => page.GetByLabel("The directory of researchers");

    public ILocator OneProfile => page.GetByLabel("One researcher's profile");

    public ILocator ProfileAddress => page.GetByLabel("Profile address");

    public ILocator ProfileError => page.Locator("#profile-error");

    public ILocator Status => page.Locator("#status");

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Save settings" });

    /// <summary>Makes the home page the profile <paramref name="slug"/>, or the directory for null, and waits for the saved page.</summary>
    public async Task SaveHomeAsync(string? slug)
    {
        if (slug is null)
        {
            await Directory.CheckAsync();
        }
        else
        {
            await OneProfile.CheckAsync();
            await ProfileAddress.FillAsync(slug);
        }
        await SaveButton.ClickAsync();
        await Assertions.Expect(Status).ToBeVisibleAsync();
    }
}
