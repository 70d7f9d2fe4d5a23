using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The BibTeX import: the text box, the preview of each entry, and the import button.</summary>
public sealed class BibtexImportPage(IPage page) : EditorPage(page)
{
    public ILocator Source => Page.GetByLabel("BibTeX", new() { Exact = true });

    public ILocator Entries => Page.Locator("li.import-entry");

    public ILocator Entry(string title) => Entries.Filter(new() { Has = Page.Locator(".pub-title", new() { HasText = title }) });

    public static async Task<BibtexImportPage> OpenFromAsync(PublicationsEditorPage publications, IPage page)
    {
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from BibTeX", Exact = true }).ClickAsync();
        var import = new BibtexImportPage(page);
        await Expect(import.Heading).ToHaveTextAsync("Import publications from BibTeX");
        return import;
    }

    public async Task PreviewAsync(string bibtex)
    {
        await Source.FillAsync(bibtex);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Preview", Exact = true })).ToBeVisibleAsync();
    }

    public async Task<PublicationsEditorPage> ImportAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import the ticked entries" }).ClickAsync();
        var publications = new PublicationsEditorPage(Page);
        await Expect(publications.Heading).ToHaveTextAsync("Publications");
        return publications;
    }
}
