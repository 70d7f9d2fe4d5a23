using System.Text.RegularExpressions;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// A snippet of a Markdown field (a person's About) as the reader of the page sees the text: the
/// index holds the Markdown as written, so its snippets carry link targets, emphasis marks and
/// heading or list markers. A snippet is a cut of the text, so a link may be cut before its start
/// or after its end; what is left of the syntax goes all the same. The highlight marks
/// (<see cref="Highlight"/>) stay where they were.
/// </summary>
public static partial class MarkdownSnippet
{
    public static string? Plain(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet))
        {
            return snippet;
        }
        var text = Link().Replace(snippet, "$1");
        text = LinkTarget().Replace(text, string.Empty);
        text = Autolink().Replace(text, "$1");
        text = LineMarker().Replace(text, string.Empty);
        text = Emphasis().Replace(text, string.Empty);
        return Space().Replace(text, " ").Trim();
    }

    // [text](target "title") and ![alt](target): the text.
    [GeneratedRegex("""!?\[([^\[\]]*)\]\([^()\s]*(?:\s+"[^"]*")?\)""", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // A link cut before its start ("text](target)") or after its text ("](targ"): the target goes.
    [GeneratedRegex(@"\]\([^()\s]*(?:\)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"<((?:https?|mailto):[^<>\s]*)>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    // Heading, quote and list markers at the start of a line.
    [GeneratedRegex(@"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", RegexOptions.CultureInvariant)]
    private static partial Regex LineMarker();

    // Doubled marks and code ticks anywhere; a single * or _ only where it opens or closes a word
    // (snake_case and 5 * 3 keep theirs).
    [GeneratedRegex(@"\*\*+|__+|~~|`+|(?<![\w*])[*_](?=[\w\uE000])|(?<=[\w\uE001])[*_](?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();
}
