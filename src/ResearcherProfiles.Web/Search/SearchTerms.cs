using System.Text.RegularExpressions;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// What a visitor typed, reduced to the words the search looks for. The text is never handed to
/// FTS5 or to_tsquery as written: only runs of letters and digits (with their combining marks)
/// survive, so quotes, operators (NEAR, AND, -, :, *), parentheses and control characters cannot
/// change the query's meaning or break its syntax. The length and the number of words are bounded.
/// </summary>
public static partial class SearchTerms
{
    /// <summary>Only this much of the text is read; a longer query is cut, not refused.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxTerms = 8;

    public const int MaxTermLength = 40;

    /// <summary>The text as the search box shows it back: at most <see cref="MaxQueryLength"/> characters, controls dropped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var cut = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        // A cut may leave half of a surrogate pair, which Strip removes with the controls.
        return Core.Text.ControlCharacters.Strip(cut).Replace('\n', ' ').Trim();
    }

    /// <summary>The distinct words of <paramref name="text"/>, in order, lowercased; the last is matched as a prefix.</summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        var clean = Clean(text);
        var terms = new List<string>();
        foreach (Match match in Word().Matches(clean))
        {
            var term = match.Value.Length > MaxTermLength ? match.Value[..MaxTermLength] : match.Value;
            term = term.ToLowerInvariant();
            if (!terms.Contains(term, StringComparer.Ordinal))
            {
                terms.Add(term);
            }
            if (terms.Count == MaxTerms)
            {
                break;
            }
        }
        return terms;
    }

    /// <summary>Whether <paramref name="text"/> is one whole word as <see cref="Parse"/> finds them (letters and digits, then marks).</summary>
    public static bool IsWord(string text)
    {
        var match = Word().Match(text);
        return match.Success && match.Index == 0 && match.Length == text.Length;
    }

    /// <summary>A filter value (an interest, an affiliation) as given, or null when there is none.</summary>
    public static string? Filter(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var clean = Core.Text.ControlCharacters.Strip(value).Trim();
        return clean.Length == 0 ? null : clean.Length > maxLength ? clean[..maxLength] : clean;
    }

    // Letters and digits; marks only after a letter or digit (a word cannot start with one).
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
