using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The form that adds or edits one publication; its author rows change through submit buttons.</summary>
public sealed class PublicationEditorPage(IPage page) : EditorPage(page)
{
    private ILocator Form => Page.Locator("form.publication-form");

    public ILocator Title => Form.GetByLabel("Title (required)", new() { Exact = true });

    public ILocator Venue => Form.GetByLabel("Venue, full name", new() { Exact = true });

    public ILocator Year => Form.GetByLabel("Year", new() { Exact = true });

    public ILocator AuthorRows => Form.GetByRole(AriaRole.Group, new() { Name = "Authors, in order" }).GetByRole(AriaRole.Listitem);

    public ILocator AuthorName(int index) => AuthorRows.Nth(index).GetByLabel($"Name of author {index + 1}", new() { Exact = true });

    /// <summary>The select linking the author to a profile on this site.</summary>
    public ILocator AuthorResearcher(int index) => AuthorRows.Nth(index).GetByRole(AriaRole.Combobox);

    public ILocator EqualContribution(int index) => AuthorRows.Nth(index).GetByLabel("Equal contribution");

    /// <summary>Adds an empty author row; the form comes back with the rows typed so far.</summary>
    public async Task AddAuthorRowAsync()
    {
        var before = await AuthorRows.CountAsync();
        await Form.GetByRole(AriaRole.Button, new() { Name = "Add author", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(AuthorRows).ToHaveCountAsync(before + 1);
    }

    public async Task<PublicationsEditorPage> SaveAsync()
    {
        await Form.GetByRole(AriaRole.Button, new() { Name = "Save publication" }).First.ClickAsync();
        // Back to the list, at the paper just saved (on the list's page that holds it).
        await Page.WaitForURLAsync(SavedPaperUrl());
        return new PublicationsEditorPage(Page);
    }

    private static System.Text.RegularExpressions.Regex SavedPaperUrl() => new(@"/publications(\?p=\d+)?#entry-\d+$");
}
