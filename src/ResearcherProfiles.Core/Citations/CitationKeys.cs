using System.Globalization;
using System.Text;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Citations;

/// <summary>
/// Citation keys ("castellanos2023learning"): the key a paper was imported with when it has one,
/// otherwise one made from the first author's family name, the year and the first significant
/// title word. Shared by the BibTeX and CSL-JSON writers so one paper has one key in both.
/// </summary>
public static class CitationKeys
{
    private const string Fallback = "publication";
    private const int MaxLength = 200;

    private static readonly HashSet<string> StopWords = new(
        [
            "a", "an", "the", "on", "of", "in", "at", "to", "for", "from", "with", "by", "and", "or", "as",
            "into", "onto", "via", "towards", "toward", "is", "are", "do", "does", "can", "how", "what",
            "why", "when", "where", "which", "who",
        ],
        StringComparer.Ordinal);

    /// <summary>The key for a paper cited on its own.</summary>
    public static string For(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return IsUsable(publication.CitationKey) ? publication.CitationKey! : Generate(publication);
    }

    /// <summary>
    /// One key per paper, unique within the list (compared ignoring case, as BibTeX does). Stored keys
    /// are claimed first so they survive unchanged; a repeated key gets a, b, c, ... appended.
    /// </summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<Publication> publications)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new string[publications.Count];
        for (var i = 0; i < publications.Count; i++)
        {
            if (IsUsable(publications[i].CitationKey))
            {
                keys[i] = Claim(publications[i].CitationKey!, used);
            }
        }
        for (var i = 0; i < publications.Count; i++)
        {
            keys[i] ??= Claim(Generate(publications[i]), used);
        }
        return keys;
    }

    /// <summary>"castellanos2023learning": ASCII only, so it works with classic BibTeX and in \cite.</summary>
    public static string Generate(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var firstAuthor = publication.Authors
            .OrderBy(a => a.Position)
            .Where(a => a.Name.Trim() != AuthorList.EtAl)
            .Select(a => CitationName.Parse(a.Name))
            .FirstOrDefault(n => n.Display.Length > 0);
        var family = firstAuthor is null ? string.Empty : FirstWord(firstAuthor.IsLiteral ? firstAuthor.Family.Split(',')[0] : firstAuthor.Family);
        var year = publication.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var titleWord = Words(publication.Title).FirstOrDefault(w => !StopWords.Contains(w)) ?? string.Empty;
        var key = family + year + titleWord;
        return key.Length == 0 ? Fallback : key[..Math.Min(key.Length, MaxLength)];
    }

    /// <summary>
    /// A stored key is reused unless it holds characters that break BibTeX entries or LaTeX's
    /// \cite (whitespace, commas, braces, quotes, comment and escape characters).
    /// </summary>
    public static bool IsUsable(string? key) =>
        !string.IsNullOrEmpty(key)
        && key.Length <= MaxLength
        && !key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '{' or '}' or '(' or ')' or '=' or '"' or '#' or '%' or '\'' or '\\' or '~');

    private static string Claim(string key, HashSet<string> used)
    {
        var candidate = key;
        for (var n = 1; !used.Add(candidate); n++)
        {
            candidate = key + Letters(n);
        }
        return candidate;
    }

    /// <summary>1 → "a", 26 → "z", 27 → "aa".</summary>
    private static string Letters(int n)
    {
        var letters = new StringBuilder();
        while (n > 0)
        {
            n--;
            letters.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        return letters.ToString();
    }

    private static string FirstWord(string text) => Words(text).FirstOrDefault() ?? string.Empty;

    /// <summary>Lowercase ASCII words: accents dropped, ß → ss, ø → o; letters without an ASCII form are left out.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                word.Append(Fold(c));
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Fold(char c) => c switch
    {
        'ß' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ø' or 'Ø' => "o",
        'ł' or 'Ł' => "l",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        _ when char.IsAsciiLetterOrDigit(c) => char.ToLowerInvariant(c).ToString(),
        _ => string.Empty,
    };
}
