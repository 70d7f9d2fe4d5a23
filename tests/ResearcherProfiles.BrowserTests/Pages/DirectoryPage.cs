using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The site home: the directory of researchers.</summary>
public sealed class DirectoryPage(IPage page)
{
    public static async Task<DirectoryPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        return new DirectoryPage(page);
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>One level-2 heading per researcher card, holding the link to the profile.</summary>
    public ILocator ResearcherNames => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });

    public async Task<ProfilePage> OpenProfileAsync(string displayName)
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = displayName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/people/*");
        return new ProfilePage(page);
    }
}
