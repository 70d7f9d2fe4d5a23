using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>What every page of the profile editor (/edit/{slug}/...) has: the section navigation, the status and error messages.</summary>
public class EditorPage(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Profile editor" });

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>The list of problems above a form that was not saved.</summary>
    public ILocator ErrorSummary => Page.GetByRole(AriaRole.Main).Locator(".form-errors");

    /// <summary>The address of every page the editor's navigation lists, in its order.</summary>
    public async Task<IReadOnlyList<string>> SectionUrlsAsync() =>
        await Navigation.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    /// <summary>Follows the navigation link <paramref name="title"/> and waits until it is marked as the current page.</summary>
    public async Task OpenSectionAsync(string title)
    {
        var link = Navigation.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await link.ClickAsync();
        await Expect(Navigation.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
    }
}
