using System.Globalization;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Entry;

public sealed record AwardEntry(string Title, string? Issuer, int? Year, string? Note);

/// <summary>
/// Awards pasted one a line as "Title — Issuer, Year (note)": the note in brackets at the very
/// end and the year (four digits, last before the note) are optional; the issuer follows " — "
/// (or " – ", " - "), or else the last comma: "Best Paper Award, ACL 2023" is the title "Best Paper
/// Award", issuer "ACL", year 2023. A title that itself has a comma is written with the dash.
/// </summary>
public static partial class AwardLines
{
    public const string NoTitleMessage = "Write the title of the award first, e.g. “Best Paper Award — ACL, 2023”.";

    public const string YearRangeMessage = "An award has one year: write the first, with the range in brackets as its note, e.g. “Fellowship — ERC, 2019 (2019–2024)”.";

    public static PasteResult<AwardEntry> Parse(string? text) => PastedLines.Read(text, ReadLine);

    public static (AwardEntry? Item, string? Problem) ReadLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rest = line.Trim();
        string? note = null;
        if (TrailingNote().Match(rest) is { Success: true } noted)
        {
            note = noted.Groups["note"].Value.Trim();
            rest = rest[..noted.Index].Trim();
        }
        int? year = null;
        if (TrailingYearRange().IsMatch(rest))
        {
            // As the award form: one year, the range in the note.
            return (null, YearRangeMessage);
        }
        if (TrailingYear().Match(rest) is { Success: true } dated)
        {
            var value = int.Parse(dated.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (value < PartialDate.MinYear || value > PartialDate.MaxYear)
            {
                return (null, $"The year {value} is not between {PartialDate.MinYear} and {PartialDate.MaxYear}.");
            }
            year = value;
            rest = rest[..dated.Index].Trim().TrimEnd(',').Trim();
        }
        var (title, issuer) = PastedLines.SplitAtFirst(rest, " — ", " – ", " - ", "—", "–") is var (before, after)
            ? (before, after)
            : rest.LastIndexOf(',') is var comma and > 0
                ? (rest[..comma].Trim(), rest[(comma + 1)..].Trim())
                : (rest, string.Empty);
        if (title.Length == 0)
        {
            return (null, NoTitleMessage);
        }
        if (title.Length > AwardConfiguration.TitleMaxLength)
        {
            return (null, PastedLines.TooLong("title", AwardConfiguration.TitleMaxLength));
        }
        if (issuer.Length > AwardConfiguration.IssuerMaxLength)
        {
            return (null, PastedLines.TooLong("issuer", AwardConfiguration.IssuerMaxLength));
        }
        if (note?.Length > AwardConfiguration.NoteMaxLength)
        {
            return (null, PastedLines.TooLong("note", AwardConfiguration.NoteMaxLength));
        }
        return (new AwardEntry(title, issuer.Length == 0 ? null : issuer, year, string.IsNullOrEmpty(note) ? null : note), null);
    }

    [GeneratedRegex(@"\((?<note>[^()]*)\)\s*$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"(?<!\w)(?<year>\d{4})\s*$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@"(?<!\w)\d{4}\s*(?:[-–—/]|to)\s*\d{2,4}\s*$")]
    private static partial Regex TrailingYearRange();
}
