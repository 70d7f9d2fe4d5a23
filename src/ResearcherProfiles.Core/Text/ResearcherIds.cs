using System.Text.RegularExpressions;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The ids a researcher is known by at ORCID, DBLP and OpenAlex, read from what people paste: the
/// bare id or the address of their page there.
/// </summary>
public static partial class ResearcherIds
{
    public const int MaxLength = 100;

    /// <summary>"0000-0002-1825-0097" or "https://orcid.org/0000-0002-1825-0097" → "0000-0002-1825-0097"; null unless the check digit agrees.</summary>
    public static string? NormalizeOrcid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = StripPrefix(text.Trim(), "https://orcid.org/", "http://orcid.org/", "orcid.org/", "orcid:").TrimEnd('/').ToUpperInvariant();
        if (OrcidPattern().IsMatch(id.Replace("-", "", StringComparison.Ordinal)) && id.Length == 16)
        {
            id = $"{id[..4]}-{id[4..8]}-{id[8..12]}-{id[12..]}";
        }
        if (!OrcidPattern().IsMatch(id.Replace("-", "", StringComparison.Ordinal)) || id.Length != 19 || id[4] != '-' || id[9] != '-' || id[14] != '-')
        {
            return null;
        }
        var digits = id.Replace("-", "", StringComparison.Ordinal);
        return CheckDigit(digits[..15]) == digits[15] ? id : null;
    }

    /// <summary>ISO 7064 MOD 11-2, as ORCID computes the last character of an iD.</summary>
    private static char CheckDigit(string baseDigits)
    {
        var total = 0;
        foreach (var c in baseDigits)
        {
            total = (total + (c - '0')) * 2;
        }
        var result = (12 - (total % 11)) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    /// <summary>"31/1161", "h/GeoffreyEHinton" or "https://dblp.org/pid/31/1161.html" → the DBLP person id; null otherwise.</summary>
    public static string? NormalizeDblpPid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = StripPrefix(text.Trim(), "https://dblp.org/pid/", "http://dblp.org/pid/", "https://dblp.uni-trier.de/pid/", "dblp.org/pid/").TrimEnd('/');
        foreach (var suffix in new[] { ".html", ".xml", ".bib" })
        {
            if (id.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                id = id[..^suffix.Length];
            }
        }
        return DblpPattern().IsMatch(id) ? id : null;
    }

    /// <summary>"A5023888391" or "https://openalex.org/A5023888391" → "A5023888391"; null otherwise.</summary>
    public static string? NormalizeOpenAlexAuthor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = StripPrefix(text.Trim(), "https://openalex.org/authors/", "https://openalex.org/", "http://openalex.org/", "https://api.openalex.org/authors/", "openalex.org/").TrimEnd('/').ToUpperInvariant();
        return OpenAlexPattern().IsMatch(id) ? id : null;
    }

    private static string StripPrefix(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..];
            }
        }
        return text;
    }

    [GeneratedRegex(@"^\d{15}[\dX]$")]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^[a-z0-9]{1,4}/[A-Za-z0-9_.=-]{1,80}$")]
    private static partial Regex DblpPattern();

    [GeneratedRegex(@"^A\d{4,12}$")]
    private static partial Regex OpenAlexPattern();
}
