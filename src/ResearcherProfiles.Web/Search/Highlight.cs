using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Turns a snippet from the database into HTML. The database marks matched words with two
/// private-use characters instead of tags, so that the text can be HTML-encoded whole and the
/// marks turned into &lt;mark&gt; only afterwards: nothing a researcher typed ever reaches the page
/// as markup. Marks that do not pair up (a researcher may type these characters too) are dropped
/// or closed, so the HTML is always well formed.
/// </summary>
public static class Highlight
{
    public const char Start = '\uE000';

    public const char End = '\uE001';

    public static bool HasMatch(string? text) => text is not null && text.Contains(Start, StringComparison.Ordinal);

    public static IHtmlContent ToHtml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        var run = new StringBuilder();
        void Flush()
        {
            html.Append(HtmlEncoder.Default.Encode(run.ToString()));
            run.Clear();
        }
        foreach (var c in text)
        {
            if (c == Start && !open)
            {
                Flush();
                html.Append("<mark>");
                open = true;
            }
            else if (c == End && open)
            {
                Flush();
                html.Append("</mark>");
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
            html.Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>The text without marks, as plain text.</summary>
    public static string Plain(string text) => text.Replace(Start.ToString(), string.Empty, StringComparison.Ordinal).Replace(End.ToString(), string.Empty, StringComparison.Ordinal);
}
