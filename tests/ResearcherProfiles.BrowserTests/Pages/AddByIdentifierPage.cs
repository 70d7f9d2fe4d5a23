using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>Add publications by DOI or arXiv id: the box for identifiers, what was found, and the way on to the import preview.</summary>
public sealed class AddByIdentifierPage(IPage page) : EditorPage(page)
{
    public ILocator Identifiers => Page.GetByLabel("DOIs and arXiv ids", new() { Exact = true });

    /// <summary>"Found 3 of 3 identifiers".</summary>
    public ILocator ResultsHeading => Page.Locator("#results-heading");

    /// <summary>One item per identifier looked up, the papers found and the ones that were not.</summary>
    public ILocator Results => Page.Locator(".lookup-list > li");

    public ILocator Found => Page.Locator(".lookup-list > li.lookup-found");

    /// <summary>Follows the publications editor's link, as a researcher would.</summary>
    public static async Task<AddByIdentifierPage> OpenFromAsync(PublicationsEditorPage publications, IPage page)
    {
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add by DOI or arXiv id", Exact = true }).ClickAsync();
        var addById = new AddByIdentifierPage(page);
        await Expect(addById.Heading).ToHaveTextAsync("Add publications by DOI or arXiv id");
        return addById;
    }

    public async Task LookUpAsync(string pasted)
    {
        await Identifiers.FillAsync(pasted);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Look up", Exact = true }).ClickAsync();
        await Expect(ResultsHeading).ToBeVisibleAsync();
    }

    /// <summary>Hands the papers found to the BibTeX import's preview.</summary>
    public async Task<BibtexImportPage> PreviewAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview the papers found", Exact = true }).ClickAsync();
        var import = new BibtexImportPage(Page);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Preview", Exact = true })).ToBeVisibleAsync();
        return import;
    }
}
