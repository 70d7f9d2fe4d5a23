using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>A Markdown field of the editor, by its label, and the live preview the editor's script puts beside it.</summary>
public sealed class MarkdownFieldEditor(IPage page, string label)
{
    public ILocator Field => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    /// <summary>The preview panel, a region named "Preview: {label}".</summary>
    public ILocator Preview => page.GetByRole(AriaRole.Region, new() { Name = $"Preview: {label}", Exact = true });

    /// <summary>The rendered text inside the panel.</summary>
    public ILocator Rendered => Preview.Locator(".live-preview-body");

    /// <summary>Replaces the field's text by typing it, key by key, as a person would.</summary>
    public async Task TypeAsync(string text)
    {
        await Field.ClickAsync();
        await Field.FillAsync(string.Empty);
        await Field.PressSequentiallyAsync(text);
    }
}
