using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The editor's photo page: the current photo and the upload form.</summary>
public sealed class PhotoEditorPage(IPage page) : EditorPage(page)
{
    public ILocator CurrentPhoto => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Img);

    public async Task UploadAsync(string fileName, string mimeType, byte[] content)
    {
        await Page.GetByLabel("Photo file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(StatusMessage).ToContainTextAsync("Photo uploaded");
    }
}
