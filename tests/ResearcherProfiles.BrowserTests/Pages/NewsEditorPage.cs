using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The news section of the editor: the list of items and the form that adds one.</summary>
public sealed class NewsEditorPage(IPage page) : EditorPage(page)
{
    private ILocator Form => Page.Locator("form.item-form");

    public ILocator Items => Page.GetByRole(AriaRole.Main).Locator(".editor-items > li");

    public async Task AddAsync(string date, string markdown)
    {
        await Form.GetByLabel("Date").FillAsync(date);
        await Form.GetByLabel("Text").FillAsync(markdown);
        await Form.GetByRole(AriaRole.Button, new() { Name = "Add news item" }).ClickAsync();
        await Expect(StatusMessage).ToBeVisibleAsync();
        await Expect(ErrorSummary).ToHaveCountAsync(0);
    }
}
