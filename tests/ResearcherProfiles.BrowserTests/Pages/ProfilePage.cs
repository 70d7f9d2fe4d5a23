using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>A researcher's profile at /people/{slug}.</summary>
public sealed class ProfilePage(IPage page)
{
    public static async Task<ProfilePage> OpenAsync(IPage page, string slug)
    {
        await page.GotoAsync($"/people/{slug}");
        return new ProfilePage(page);
    }

    public ILocator Name => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SectionHeadings => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });

    /// <summary>The "show more" disclosure holding the older news items.</summary>
    public ILocator OlderNews => page.Locator("details", new() { Has = OlderNewsSummary });

    public ILocator OlderNewsSummary => page.Locator("summary", new() { HasText = "older news" });

    public ILocator OlderNewsItems => OlderNews.GetByRole(AriaRole.Listitem);

    public async Task<PublicationsPage> OpenAllPublicationsAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "All publications" }).ClickAsync();
        await page.WaitForURLAsync("**/people/*/publications");
        return new PublicationsPage(page);
    }
}
