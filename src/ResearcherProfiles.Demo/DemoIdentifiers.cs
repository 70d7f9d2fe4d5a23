using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearcherProfiles.Demo;

/// <summary>
/// Identifiers for invented papers that no real paper can carry, so that a real paper imported on a
/// demo site is never taken for an invented one, and no demo page points at someone else's work:
/// DOIs under 10.5555, the prefix the DOI Handbook uses for its examples, and arXiv ids whose month
/// is 00, which arXiv never issues (its ids are YYMM.NNNNN with MM from 01 to 12) but which the site's
/// arXiv id format accepts, so the demo still shows how arXiv ids look and are cited.
/// </summary>
public static partial class DemoIdentifiers
{
    public const string DoiPrefix = "10.5555/";

    public static string ArxivId(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}00.{number:D5}");

    public static bool IsInventedDoi(string doi)
    {
        ArgumentNullException.ThrowIfNull(doi);
        return doi.StartsWith(DoiPrefix, StringComparison.Ordinal);
    }

    public static bool IsInventedArxivId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return InventedArxivPattern().IsMatch(id);
    }

    [GeneratedRegex(@"^\d{2}00\.\d{5}$")]
    private static partial Regex InventedArxivPattern();
}
