using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The identifiers by which one paper is recognised however it was written down: DOIs, arXiv ids
/// and a normalised title.
/// </summary>
public static partial class ScholarlyIds
{
    /// <summary>
    /// "10.1145/ABC", "doi:10.1145/abc" or "https://doi.org/10.1145/abc" → "10.1145/abc"; null when it
    /// is not a DOI. DOIs are case-insensitive, so they are kept in lowercase and compare as strings.
    /// </summary>
    public static string? NormalizeDoi(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doi = StripPrefix(text.Trim(), "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:");
        return DoiPattern().IsMatch(doi) ? doi.ToLowerInvariant() : null;
    }

    /// <summary>
    /// "2403.16952", "arXiv:2403.16952v2", "cs/0112017" or an arxiv.org/abs link → the bare identifier
    /// without its version (the unversioned page always shows the latest); null otherwise.
    /// </summary>
    public static string? NormalizeArxivId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ArxivPattern().Match(StripPrefix(text.Trim(), "https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv:"));
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>
    /// Lowercase letters and digits, accents removed, single spaces between words: "{BERT}: Pre-training
    /// of Deep ..." and "BERT: pre-training of deep ..." give the same key.
    /// </summary>
    public static string TitleKey(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }
        var key = new StringBuilder(title.Length);
        var pendingSpace = false;
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }
                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return key.ToString();
    }

    private static string StripPrefix(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..].Trim();
            }
        }
        return text;
    }

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex DoiPattern();

    // New style (2007 on): YYMM.NNNN(N); old style: archive(.SUBJECT)/YYMMNNN; either with a version.
    [GeneratedRegex(@"^(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(\.[A-Z]{2})?/\d{7})(v\d+)?$")]
    private static partial Regex ArxivPattern();
}
