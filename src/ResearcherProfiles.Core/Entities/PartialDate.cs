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

    /// <summary>
    /// Parses a date as people type it and as the site shows it: "2016", "2016-09", "2016/09",
    /// "09/2016", "9/2016", "Sep 2016", "Sep. 2016", "September 2016", "2016-09-14", "14 Sep 2016",
    /// "Sep 14, 2016". Numbers with the year last and a day ("14/09/2016") are refused: whether the
    /// day or the month comes first differs between countries.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var words = text.Replace('.', ' ').Replace(',', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            1 => TryParseNumbers(words[0], out date),
            // A word that is no month must not leave a bare year behind: "Autumn 2016" is refused.
            2 => TryCreate(Number(words[1], 4, 4), MonthNumber(words[0]) ?? -1, null, out date),
            3 when MonthNumber(words[1]) is int month => TryCreate(Number(words[2], 4, 4), month, Number(words[0], 1, 2) ?? -1, out date),
            3 => TryCreate(Number(words[2], 4, 4), MonthNumber(words[0]) ?? -1, Number(words[1], 1, 2) ?? -1, out date),
            _ => false,
        };
    }

    private static bool TryParseNumbers(string text, out PartialDate date)
    {
        date = default;
        var separator = text.Contains('/', StringComparison.Ordinal) ? '/' : '-';
        var parts = text.Split(separator);
        if (parts.Length > 3)
        {
            return false;
        }
        if (parts[0].Length == 4)
        {
            int? month = parts.Length > 1 ? Number(parts[1], 1, 2) ?? -1 : null;
            int? day = parts.Length > 2 ? Number(parts[2], 1, 2) ?? -1 : null;
            return TryCreate(Number(parts[0], 4, 4), month, day, out date);
        }
        // "09/2016", "9/2016" or "09-2016": the month, then the year.
        return parts.Length == 2 && TryCreate(Number(parts[1], 4, 4), Number(parts[0], 1, 2) ?? -1, null, out date);
    }

    private static bool TryCreate(int? year, int? month, int? day, out PartialDate date)
    {
        date = default;
        if (year is not int y || y < MinYear || y > MaxYear || month is < 1 or > 12)
        {
            return false;
        }
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(y, month.Value)))
        {
            return false;
        }
        date = new PartialDate(y, month, day);
        return true;
    }

    /// <summary>The number in <paramref name="text"/> when it is only ASCII digits of an allowed length.</summary>
    private static int? Number(string text, int minDigits, int maxDigits) =>
        text.Length >= minDigits && text.Length <= maxDigits && text.All(char.IsAsciiDigit)
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : null;

    /// <summary>1–12 for an English month name or its abbreviation ("Sep", "Sept", "September"), any case.</summary>
    private static int? MonthNumber(string word)
    {
        if (word.Length < 3)
        {
            return null;
        }
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var month = 1; month <= 12; month++)
        {
            var name = names.GetMonthName(month);
            if (name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return month;
            }
        }
        return null;
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
