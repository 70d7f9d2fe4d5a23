using System.Text.RegularExpressions;

namespace ResearcherProfiles.Core.Citations;

/// <summary>
/// An author's display name ("José de la Cruz", "Martin Luther King, Jr.") split into the parts
/// citation formats store separately. Writing <see cref="Given"/>, <see cref="Particle"/> and
/// <see cref="Family"/> with single spaces, then ", " and <see cref="Suffix"/>, gives the display
/// name back, which is what lets every export be read back to the same byline.
/// </summary>
public sealed partial record CitationName(string Display, string Given, string Particle, string Family, string Suffix)
{
    /// <summary>
    /// A name that cannot be split into given and family names: a single word (a mononym or an
    /// organisation) or a name with a comma that does not introduce a suffix. Formats write it whole.
    /// </summary>
    public bool IsLiteral { get; private init; }

    /// <summary>The family name with its particle: "de la Cruz".</summary>
    public string FullFamily => Particle.Length == 0 ? Family : $"{Particle} {Family}";

    /// <summary>
    /// Splits a display name: a trailing ", Jr." (or Sr., II, III, ...) is the suffix, the last word
    /// is the family name, the lowercase words just before it are the particle and the rest is the
    /// given name. "Martin Luther King Jr." without the comma keeps "King Jr." as the family name, so
    /// the display name still comes back unchanged.
    /// </summary>
    public static CitationName Parse(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var display = CitationText.OneLine(displayName);
        var name = display;
        var suffix = string.Empty;
        var comma = display.LastIndexOf(',');
        if (comma > 0 && SuffixPattern().IsMatch(display[(comma + 1)..].Trim()))
        {
            suffix = display[(comma + 1)..].Trim();
            name = display[..comma].TrimEnd();
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1 || name.Contains(','))
        {
            return new CitationName(display, string.Empty, string.Empty, name, suffix) { IsLiteral = true };
        }

        var familyStart = words.Length - 1;
        if (suffix.Length == 0 && words.Length >= 3 && SuffixPattern().IsMatch(words[^1]))
        {
            familyStart--;
        }

        // The first word always stays a given name, so "danah boyd" is given "danah", family "boyd".
        var particleStart = familyStart;
        while (particleStart > 1 && StartsLowercase(words[particleStart - 1]))
        {
            particleStart--;
        }

        return new CitationName(
            display,
            string.Join(' ', words[..particleStart]),
            string.Join(' ', words[particleStart..familyStart]),
            string.Join(' ', words[familyStart..]),
            suffix);
    }

    private static bool StartsLowercase(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?:(?i:jr|sr|jnr|snr)\.?|II|III|IV|V|VI|2nd|3rd)$")]
    private static partial Regex SuffixPattern();
}
