using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The search box of the directory and the search page, and the results it shows.</summary>
public sealed class SearchBox(IPage page)
{
    public ILocator Input => page.GetByLabel("Search people and papers");

    public ILocator Button => page.Locator("form.search-form").GetByRole(AriaRole.Button, new() { Name = "Search" });

    public ILocator Status => page.Locator("form.search-form [data-search-status]");

    public ILocator Summary => page.Locator(".search-summary");

    public ILocator PeopleNames => page.Locator(".search-person .search-title");

    public ILocator PaperTitles => page.Locator(".search-paper .search-title");

    public ILocator Directory => page.Locator("[data-search-replaces]");
}
