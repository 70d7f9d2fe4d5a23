using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The editor's list of the profile's publications, with their per-profile actions.</summary>
public sealed class PublicationsEditorPage(IPage page) : EditorPage(page)
{
    public ILocator Item(string title) =>
        Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task<PublicationEditorPage> AddAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a publication", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Add a publication");
        return new PublicationEditorPage(Page);
    }

    /// <summary>Selects the paper for the profile's front page.</summary>
    public async Task HighlightAsync(string title)
    {
        await Item(title).GetByRole(AriaRole.Button, new() { Name = "Highlight" }).ClickAsync();
        await Expect(Item(title).GetByRole(AriaRole.Button, new() { Name = "Unhighlight" })).ToBeVisibleAsync();
    }
}
