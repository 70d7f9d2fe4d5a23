using System.Globalization;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>A researcher's full publication list, grouped by year.</summary>
public sealed class PublicationsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>One level-2 heading per year group: "2024 (3)", or "Undated (1)".</summary>
    public ILocator YearHeadings => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });

    public ILocator Publications => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 3 });

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
