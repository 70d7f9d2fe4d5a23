using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>One paper's page: title, authors, details and the profiles that list it.</summary>
public sealed class PaperPage(IPage page)
{
    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>"On this site: …", with a link to each profile that lists the paper.</summary>
    public ILocator OnThisSite => page.Locator(".paper-on-site");

    public ILocator Details => page.GetByRole(AriaRole.Region, new() { Name = "Details" });
}
