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
        var words = new List<string>(MaxWords);
        var word = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (Transliterations.TryGetValue(c, out var ascii))
            {
                word.Append(ascii);
            }
            else if (c is '\'' or '’')
            {
                // "Don't" is one word, not "don-t".
                continue;
            }
            else if (!EndWord())
            {
                break;
            }
        }
        EndWord();
        return string.Join('-', words);

        bool EndWord()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            return words.Count < MaxWords;
        }
    }
}
