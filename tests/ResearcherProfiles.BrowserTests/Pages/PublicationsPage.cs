using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>A researcher's full publication list, grouped by year.</summary>
public sealed class PublicationsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>One level-2 heading per year group: "2024 (3)", or "Undated (1)".</summary>
    public ILocator YearHeadings => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator Publications => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 3 });

    /// <summary>
    /// The "Cite" disclosure under a publication, which loads its BibTeX when opened; found by the
    /// title's link, since the heading of a selected paper also holds its mark.
    /// </summary>
    public ILocator Cite(string title) =>
        page.Locator("article.pub", new() { Has = page.Locator("h3").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) }).Locator("details.cite");

    /// <summary>"24 publications", or "3 of 24 publications" when filtered.</summary>
    public ILocator Summary => page.Locator(".page-summary");

    public ILocator Filters => page.GetByRole(AriaRole.Navigation, new() { Name = "Filter publications" });

    /// <summary>The choice currently applied in a facet ("Type", "Status", "Year").</summary>
    public ILocator ActiveValue(string facet) => FacetList(facet).Locator("a[aria-current]");

    /// <summary>Follows a facet's link, e.g. ("Type", "Journal"), whatever its count.</summary>
    public Task FilterAsync(string facet, string value) =>
        FollowAsync(FacetList(facet).GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(value)} \\(\\d+\\)$") }));

    public Task ClearFiltersAsync() => FollowAsync(Filters.GetByRole(AriaRole.Link, new() { Name = "Clear filters", Exact = true }));

    /// <summary>
    /// Follows a link and waits until the page is at its address. The address is watched rather
    /// than the new document's load event, which a wait begun just after the click can miss.
    /// </summary>
    private async Task FollowAsync(ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no address.");
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
    }

    public async Task<PaperPage> OpenPaperAsync(string title)
    {
        await Publications.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        return new PaperPage(page);
    }

    private ILocator FacetList(string facet) => Filters.GetByRole(AriaRole.List, new() { Name = $"{facet}:", Exact = true });

    public async Task<IReadOnlyList<int>> YearsAsync()
    {
        var headings = await YearHeadings.AllInnerTextsAsync();
        return headings
            .Select(h => h.Split(' ', 2)[0])
            .Where(y => y.Length == 4 && y.All(char.IsAsciiDigit))
            .Select(y => int.Parse(y, CultureInfo.InvariantCulture))
            .ToList();
    }
}
