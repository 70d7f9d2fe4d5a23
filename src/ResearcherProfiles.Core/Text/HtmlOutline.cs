using System.Net;
using System.Text.RegularExpressions;

namespace ResearcherProfiles.Core.Text;

/// <summary>The headings of rendered Markdown, anchored, for a table of contents above a long write-up.</summary>
public static partial class HtmlOutline
{
    public sealed record Entry(int Level, string Text, string Id);

    /// <summary>
    /// Gives each heading of <paramref name="html"/> (as <see cref="MarkdownRenderer"/> writes them:
    /// no attributes) the id "{prefix}{n}", and returns the headings in order with their plain text.
    /// </summary>
    public static (string Html, IReadOnlyList<Entry> Entries) AddAnchors(string html, string prefix)
    {
        ArgumentNullException.ThrowIfNull(html);
        var entries = new List<Entry>();
        var anchored = HeadingPattern().Replace(html, m =>
        {
            var level = m.Groups["level"].Value[0] - '0';
            var id = prefix + (entries.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = WebUtility.HtmlDecode(TagPattern().Replace(m.Groups["body"].Value, string.Empty)).Trim();
            entries.Add(new Entry(level, text, id));
            return $"<h{level} id=\"{id}\">{m.Groups["body"].Value}</h{level}>";
        });
        return (anchored, entries);
    }

    [GeneratedRegex(@"<h(?<level>[1-6])>(?<body>.*?)</h\k<level>>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
