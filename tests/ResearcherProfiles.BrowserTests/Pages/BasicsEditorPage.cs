using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The editor's home at /edit/{slug}: the profile's own fields.</summary>
public sealed class BasicsEditorPage(IPage page) : EditorPage(page)
{
    public ILocator Headline => Page.GetByLabel("Headline", new() { Exact = true });

    public async Task SaveAsync()
    {
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(StatusMessage).ToContainTextAsync("Saved");
    }
}
