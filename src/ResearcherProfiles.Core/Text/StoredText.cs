namespace ResearcherProfiles.Core.Text;

/// <summary>
/// A text kept with its HTML (<see cref="StoredMarkdown"/>): its Markdown, the stored HTML, the
/// stamp of that rendering and the heading level it was rendered at.
/// </summary>
public sealed record StoredText(string Markdown, string? Html, int? RenderedWith, int Level)
{
    /// <summary>The text's HTML with its headings from <paramref name="level"/>: the stored HTML whenever it serves.</summary>
    public string HtmlAt(int level) => StoredMarkdown.Html(Html, RenderedWith, Markdown, Level, level);

    /// <summary>The stored text of <paramref name="markdown"/>, or null when there is none to show.</summary>
    public static StoredText? Of(string? markdown, string? html, int? renderedWith, int level) =>
        string.IsNullOrWhiteSpace(markdown) ? null : new StoredText(markdown, html, renderedWith, level);
}
