using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Text;

public static class DateRange
{
    /// <summary>
    /// "2019 – 2023", "Sep 2021 – now", "2020" (same start and end). An open end reads
    /// <paramref name="openEnd"/> ("now", "present") when there is a start.
    /// </summary>
    public static string Format(PartialDate? start, PartialDate? end, string openEnd = "now")
    {
        var from = start?.ToDisplayString(shortMonth: true);
        var to = end?.ToDisplayString(shortMonth: true);
        return (from, to) switch
        {
            (null, null) => string.Empty,
            (null, _) => to!,
            (_, null) => $"{from} – {openEnd}",
            _ when from == to => from!,
            _ => $"{from} – {to}",
        };
    }
}
