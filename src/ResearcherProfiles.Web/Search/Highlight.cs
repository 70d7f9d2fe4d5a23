using System.Text;
using Microsoft.AspNetCore.Html;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Turns a snippet from the database into HTML. The database marks matched words with two
/// private-use characters instead of tags, so that the text is HTML-encoded as text and only the
/// marks become &lt;mark&gt;: nothing a researcher typed ever reaches the page
/// as markup. Marks that do not pair up (a researcher may type these characters too) are dropped
/// or closed, so the HTML is always well formed.
/// </summary>
public static class Highlight
{
    public const char Start = '\uE000';

    public const char End = '\uE001';

    public static bool HasMatch(string? text) => text is not null && text.Contains(Start, StringComparison.Ordinal);

    /// <summary>
    /// The text as HTML content: its runs are appended as text (encoded when the page is written,
    /// by the page's own encoder) and the marks as &lt;mark&gt; elements.
    /// </summary>
    public static IHtmlContent ToHtml(string? text)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text))
        {
            return html;
        }
        var open = false;
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                html.Append(run.ToString());
                run.Clear();
            }
        }
        foreach (var c in text)
        {
            if (c == Start && !open)
            {
                Flush();
                html.AppendHtml("<mark>");
                open = true;
            }
            else if (c == End && open)
            {
                Flush();
                html.AppendHtml("</mark>");
                open = false;
            }
            else if (c is not Start and not End)
            {
                run.Append(c);
            }
        }
        Flush();
        if (open)
        {
            html.AppendHtml("</mark>");
        }
        return html;
    }
}
