using System.Globalization;
using System.Text;

namespace ResearcherProfiles.Core.Text;

/// <summary>The readable last part of a paper's address, /publications/{id}/{slug}: its title's first words.</summary>
public static class PaperSlug
{
    /// <summary>Words kept from the title: enough to recognise the paper in a link, short enough to read.</summary>
    public const int MaxWords = 8;

    // Letters that Unicode does not decompose into an ASCII letter and a mark.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
    };

    /// <summary>
    /// "Attention Is All You Need" → "attention-is-all-you-need": lowercase ASCII letters and digits,
    /// accents dropped, at most <see cref="MaxWords"/> words joined by '-'. Empty when the title has no
    /// such word (a title in Chinese, say); the paper's address is then its number alone.
    /// </summary>
    public static string For(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }
        // Built in one pass (each listed paper links to its page, so a profile works out dozens):
        // only a title beyond ASCII is decomposed to drop its accents.
        var source = Ascii.IsValid(title) ? title : title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(Math.Min(source.Length, 96));
        var words = 0;
        var inWord = false;
        foreach (var character in source)
        {
            var c = char.ToLowerInvariant(character);
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            string? ascii = null;
            if (char.IsAsciiLetterOrDigit(c) || Transliterations.TryGetValue(c, out ascii))
            {
                if (!inWord)
                {
                    if (words > 0)
                    {
                        slug.Append('-');
                    }
                    inWord = true;
                }
                if (ascii is null)
                {
                    slug.Append(c);
                }
                else
                {
                    slug.Append(ascii);
                }
            }
            else if (c is '\'' or '’')
            {
                // "Don't" is one word, not "don-t".
                continue;
            }
            else if (inWord)
            {
                inWord = false;
                if (++words == MaxWords)
                {
                    break;
                }
            }
        }
        return slug.ToString();
    }
}
