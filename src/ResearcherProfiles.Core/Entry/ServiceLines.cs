using System.Globalization;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Entry;

/// <summary>One role at one venue over some years, as a <see cref="ServiceRole"/> holds it.</summary>
public sealed record ServiceEntry(string Role, string Venue, IReadOnlyList<int> Years);

/// <summary>One pasted line: a role at one or more venues.</summary>
public sealed record ServiceLine(IReadOnlyList<ServiceEntry> Entries);

/// <summary>
/// Service pasted one role a line: "Reviewer — ACL 2021, 2022, 2023", "Reviewer: ACL (2021, 2022)",
/// "Area Chair, NeurIPS 2023", "Program Committee Member — AAAI 2020–2022" (a range of years, with a
/// hyphen or an en dash), and several venues for the role separated by ";":
/// "Reviewer — ACL 2021, 2022; EMNLP 2022, 2023". The role ends at the first "—" or ":", or failing
/// those at the first " – ", " - " or comma; each venue's years are at its end, bracketed or not,
/// and may be left out.
/// </summary>
public static partial class ServiceLines
{
    /// <summary>A range longer than this is surely a typing slip ("2020–2202").</summary>
    private const int MaxRangeYears = 50;

    public const string NoVenueMessage = "Write the role, then the venue, e.g. “Reviewer — ACL 2021, 2022”.";

    public static PasteResult<ServiceLine> Parse(string? text) => PastedLines.Read(text, ReadLine);

    public static (ServiceLine? Item, string? Problem) ReadLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        // A colon or an em dash marks the role's end wherever it is; otherwise the first of an
        // en dash, a hyphen or a comma does, so the hyphen in "2020 - 2022" is not taken for it.
        if ((PastedLines.SplitAtEarliest(trimmed, "—", ":") ?? PastedLines.SplitAtEarliest(trimmed, " – ", " - ", ","))
            is not var (role, venues)
            || role.Length == 0 || venues.Length == 0)
        {
            return (null, NoVenueMessage);
        }
        if (role.Length > ServiceRoleConfiguration.RoleMaxLength)
        {
            return (null, PastedLines.TooLong("role", ServiceRoleConfiguration.RoleMaxLength));
        }
        var entries = new List<ServiceEntry>();
        foreach (var part in venues.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (venue, years, problem) = ReadVenue(part);
            if (problem is not null)
            {
                return (null, problem);
            }
            entries.Add(new ServiceEntry(role, venue, years));
        }
        return entries.Count == 0 ? (null, NoVenueMessage) : (new ServiceLine(entries), null);
    }

    /// <summary>"ACL 2021, 2022", "ACL (2021, 2022)", "AAAI 2020–2022" or "ACL": the venue and its years.</summary>
    private static (string Venue, IReadOnlyList<int> Years, string? Problem) ReadVenue(string part)
    {
        string venue;
        string yearsText;
        if (BracketedYears().Match(part) is { Success: true } bracketed)
        {
            venue = part[..bracketed.Index].Trim().TrimEnd(',').Trim();
            yearsText = bracketed.Groups["years"].Value;
        }
        else if (TrailingYears().Match(part) is { Success: true } trailing)
        {
            venue = part[..trailing.Index].Trim().TrimEnd(',').Trim();
            yearsText = trailing.Value;
        }
        else
        {
            venue = part.Trim();
            yearsText = string.Empty;
        }
        if (venue.Length == 0)
        {
            return (venue, [], $"“{part}” has years but no venue: write the venue before them.");
        }
        if (venue.Length > ServiceRoleConfiguration.VenueMaxLength)
        {
            return (venue, [], PastedLines.TooLong("venue", ServiceRoleConfiguration.VenueMaxLength));
        }
        var years = new SortedSet<int>();
        foreach (var item in yearsText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Range().Match(item) is not { Success: true } range)
            {
                return (venue, [], $"“{item}” is not a year or a range of years such as 2020–2022.");
            }
            var first = int.Parse(range.Groups["first"].Value, CultureInfo.InvariantCulture);
            var last = range.Groups["last"].Success ? int.Parse(range.Groups["last"].Value, CultureInfo.InvariantCulture) : first;
            if (first < PartialDate.MinYear || last > PartialDate.MaxYear || last < PartialDate.MinYear || first > PartialDate.MaxYear)
            {
                return (venue, [], $"“{item}” is not between {PartialDate.MinYear} and {PartialDate.MaxYear}.");
            }
            if (last < first || last - first >= MaxRangeYears)
            {
                return (venue, [], $"“{item}” is not a range of years: write the earlier year first, e.g. 2020–2022.");
            }
            for (var year = first; year <= last; year++)
            {
                years.Add(year);
            }
        }
        return (venue, years.ToList(), null);
    }

    [GeneratedRegex(@"\((?<years>[^()]*)\)\s*$")]
    private static partial Regex BracketedYears();

    /// <summary>Years and ranges at the end of a venue: "2021, 2022", "2020–2022", "2019, 2021-2023".</summary>
    [GeneratedRegex(@"(?<!\w)\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*,\s*\d{4}(?:\s*[-–]\s*\d{4})?)*\s*$")]
    private static partial Regex TrailingYears();

    [GeneratedRegex(@"^(?<first>\d{4})(?:\s*[-–]\s*(?<last>\d{4}))?$")]
    private static partial Regex Range();
}

/// <summary>What saving a pasted service list does to one role at one venue: adds it, or adds years to the one the profile has.</summary>
public sealed record ServiceChange(string Role, string Venue, IReadOnlyList<int> Years, ServiceRole? Existing, IReadOnlyList<int> AddedYears)
{
    public bool IsNew => Existing is null;
}

public static class ServiceMerge
{
    /// <summary>
    /// Matches each pasted role+venue (ignoring case and surrounding spaces, as the public page
    /// groups them) with the one the profile already has, so its years are merged in rather than
    /// the role listed twice; entries repeated within the paste are joined first. New ones keep
    /// the order they were pasted in.
    /// </summary>
    public static IReadOnlyList<ServiceChange> Plan(IEnumerable<ServiceRole> existing, IEnumerable<ServiceEntry> pasted)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(pasted);
        var have = existing.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
        return pasted
            .GroupBy(e => (Role: e.Role.Trim().ToUpperInvariant(), Venue: e.Venue.Trim().ToUpperInvariant()))
            .Select(g =>
            {
                var years = g.SelectMany(e => e.Years).Distinct().Order().ToList();
                var match = have.FirstOrDefault(r =>
                    string.Equals(r.Role.Trim(), g.First().Role, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(r.Venue.Trim(), g.First().Venue, StringComparison.OrdinalIgnoreCase));
                var added = match is null ? years : years.Except(match.Years).ToList();
                return new ServiceChange(match?.Role ?? g.First().Role, match?.Venue ?? g.First().Venue, years, match, added);
            })
            .ToList();
    }
}
