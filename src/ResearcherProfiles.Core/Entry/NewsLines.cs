using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Entry;

public sealed record NewsEntry(PartialDate Date, string BodyMarkdown);

/// <summary>
/// News pasted one item a line, date first: "2023-05 Four papers accepted", "[2023-05] …",
/// "2023-05-14: …", "2023-05 — …". The date is the longest run of leading words that
/// <see cref="PartialDate.TryParse"/> reads, so every date form it knows works here too; one
/// separator after it (":", "—", "–", "-") is dropped. The rest of the line is the Markdown text.
/// </summary>
public static class NewsLines
{
    /// <summary>A date is a few words at most ("12 May 2023"); longer prefixes are not tried.</summary>
    private const int MaxDateWords = 4;

    private static readonly char[] Separators = [':', '—', '–', '-', ','];

    public const string NoDateMessage = "Start the line with the date, e.g. “2023-05 Four papers accepted”.";
    public const string NoTextMessage = "Write the news after the date.";

    public static PasteResult<NewsEntry> Parse(string? text) => PastedLines.Read(text, ReadLine);

    public static (NewsEntry? Item, string? Problem) ReadLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (SplitDate(line) is not var (date, rest))
        {
            return (null, NoDateMessage);
        }
        if (rest.Length == 0)
        {
            return (null, NoTextMessage);
        }
        if (rest.Length > NewsItemConfiguration.BodyMaxLength)
        {
            return (null, PastedLines.TooLong("text", NewsItemConfiguration.BodyMaxLength));
        }
        if (MarkdownRenderer.NestingDepth(rest) is not int depth || depth > MarkdownRenderer.MaxNestingDepth)
        {
            return (null, $"The text nests quotes or lists more than {MarkdownRenderer.MaxNestingDepth} levels deep.");
        }
        return (new NewsEntry(date, rest), null);
    }

    /// <summary>The leading date and the text after it, or null when the line does not start with a date.</summary>
    public static (PartialDate Date, string Text)? SplitDate(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = line.Trim();
        if (line.StartsWith('['))
        {
            var close = line.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && PartialDate.TryParse(line[1..close], out var bracketed)
                ? (bracketed, AfterSeparator(line[(close + 1)..]))
                : null;
        }
        var wordEnds = WordEnds(line).Take(MaxDateWords).ToList();
        for (var i = wordEnds.Count - 1; i >= 0; i--)
        {
            var prefix = line[..wordEnds[i]].TrimEnd().TrimEnd(Separators).TrimEnd();
            if (PartialDate.TryParse(prefix, out var date))
            {
                return (date, AfterSeparator(line[wordEnds[i]..]));
            }
        }
        return null;
    }

    /// <summary>The end index of each whitespace-separated word, in order.</summary>
    private static IEnumerable<int> WordEnds(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (!char.IsWhiteSpace(line[i]) && (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1])))
            {
                yield return i + 1;
            }
        }
    }

    private static string AfterSeparator(string rest)
    {
        rest = rest.TrimStart();
        if (rest.Length > 0 && Array.IndexOf(Separators, rest[0]) >= 0)
        {
            rest = rest[1..];
        }
        return rest.Trim();
    }
}
