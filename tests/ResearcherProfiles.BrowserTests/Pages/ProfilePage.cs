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

    public ILocator Headline => page.Locator(".profile-header .headline");

    /// <summary>The profile photo; without one the header shows initials, which are no image.</summary>
    public ILocator Photo => page.Locator(".profile-header").GetByRole(AriaRole.Img);

    /// <summary>A titled section of the profile, such as "News" or "Selected publications".</summary>
    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });

    public ILocator Publication(string title) =>
        page.Locator("article.pub", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    /// <summary>The "Cite" disclosure under a publication, holding its BibTeX.</summary>
    public ILocator Cite(string title) => Publication(title).Locator("details.cite");

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
