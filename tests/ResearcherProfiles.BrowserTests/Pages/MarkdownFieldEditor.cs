using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>A Markdown field of the editor, by its label, and the live preview the editor's script puts beside it.</summary>
public sealed class MarkdownFieldEditor(IPage page, string label)
{
    /// <summary>The field, named by its label, which may end in "(required)".</summary>
    public ILocator Field => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( \\(required\\))?$") });

    /// <summary>The preview panel, headed "Preview: {label}".</summary>
    public ILocator Preview => page.Locator(".live-preview").Filter(new()
    {
        Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Preview: {label}", Exact = true }),
    });

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
