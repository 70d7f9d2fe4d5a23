using System.Globalization;
using System.Text.Json.Serialization;

namespace ResearcherProfiles.Core.Entities;

/// <summary>
/// A date known to the year, the month or the day ("2021", "May 2023", "12 May 2023").
/// Stored as one sortable integer, yyyymmdd with zeros for the unknown parts.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    [JsonConstructor]
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Year must be between {MinYear} and {MaxYear}.");
        }
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be between 1 and 12.");
        }
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Day must exist in the given month.");
        }
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public int ToSortKey() => Year * 10000 + (Month ?? 0) * 100 + (Day ?? 0);

    public static PartialDate FromSortKey(int key) =>
        new(key / 10000, key / 100 % 100 is var m and > 0 ? m : null, key % 100 is var d and > 0 ? d : null);

    /// <summary>Parses "2023", "2023-05" or "2023-05-12".</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        // A month or day part longer than two digits is no date, and could overflow int.
        if (parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length > 2))
        {
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year < MinYear || year > MaxYear || month is < 1 or > 12)
        {
            return false;
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            return false;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The machine form used by &lt;time datetime&gt; and by editor fields.</summary>
    public string ToIsoString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (int m, null) => $"{Year:D4}-{m:D2}",
        (int m, int d) => $"{Year:D4}-{m:D2}-{d:D2}",
    };

    /// <summary>The human form: "2021", "May 2023", "12 May 2023"; abbreviated months on request.</summary>
    public string ToDisplayString(bool shortMonth = false)
    {
        if (Month is not int month)
        {
            return Year.ToString(CultureInfo.InvariantCulture);
        }
        var monthName = shortMonth
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month)
            : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return Day is int day ? $"{day} {monthName} {Year}" : $"{monthName} {Year}";
    }

    public override string ToString() => ToIsoString();

    public int CompareTo(PartialDate other) => ToSortKey().CompareTo(other.ToSortKey());

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
