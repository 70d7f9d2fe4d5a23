using System.Globalization;
using System.Text;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The one rule for characters that are not text: C0 controls other than tab, line feed and
/// carriage return, DEL, the C1 controls, lone UTF-16 surrogates, and U+FFFD (what the decoder
/// puts where a form sent bytes that were not UTF-8). None of them can be typed, all of them break
/// something downstream (a NUL ends strings in exports, and is refused by XML and by PostgreSQL).
/// </summary>
public static class ControlCharacters
{
    /// <summary><paramref name="text"/> without those characters, and with CRLF and lone CR as LF.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!IsRemoved(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>
    /// <see cref="Strip"/>, and empty when nothing visible is left: a value of nothing but spaces,
    /// zero-width or direction marks and line or paragraph separators shows as nothing (a name or
    /// a title of them would be a blank heading, link or feed entry), so it counts as not filled in.
    /// </summary>
    public static string StripToVisible(string text)
    {
        var clean = Strip(text);
        foreach (var c in clean)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control))
            {
                return clean;
            }
        }
        return clean.Length == 0 ? clean : string.Empty;
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || (IsRemoved(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))))
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }
        return false;
    }

    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n') || char.IsSurrogate(c) || c == '\uFFFD';
}
