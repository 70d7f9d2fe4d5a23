using System.Text;

namespace ResearcherProfiles.Core.Citations;

/// <summary>Plain text to BibTeX field text, the inverse of <see cref="Bibtex.LatexText.ToUnicode"/>.</summary>
internal static class BibtexEscaping
{
    /// <summary>
    /// Escapes LaTeX's special characters, and breaks up the ligatures the conversion back would
    /// turn into other characters (-- into an en dash, `` and '' into curly quotes) with an empty group.
    /// Braces are escaped as \{ \} when they pair up; a lone brace would unbalance the entry, so it
    /// becomes \textbraceleft{} or \textbraceright{}.
    /// </summary>
    public static string Escape(string text)
    {
        var balanced = IsBalanced(text);
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '&' or '%' or '$' or '#' or '_':
                    escaped.Append('\\').Append(c);
                    break;
                case '{':
                    escaped.Append(balanced ? "\\{" : "\\textbraceleft{}");
                    break;
                case '}':
                    escaped.Append(balanced ? "\\}" : "\\textbraceright{}");
                    break;
                case '~':
                    escaped.Append("\\textasciitilde{}");
                    break;
                case '^':
                    escaped.Append("\\textasciicircum{}");
                    break;
                case '\\':
                    escaped.Append("\\textbackslash{}");
                    break;
                case '-' or '`' or '\'' when next == c:
                    escaped.Append(c).Append("{}");
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>True when every brace is closed after it is opened, so the text can stand inside a braced field.</summary>
    public static bool IsBalanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth < 0)
            {
                return false;
            }
        }
        return depth == 0;
    }

    /// <summary>
    /// A title with its acronyms and mixed-case words ("BERT", "GPT-4", "iPhone") braced, so styles
    /// that lowercase titles leave them alone; the braces disappear again on import.
    /// </summary>
    public static string Title(string title) =>
        string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
        {
            var escaped = Escape(word);
            return HasInnerCapital(word) ? "{" + escaped + "}" : escaped;
        }));

    /// <summary>
    /// "von Last, Jr, First", which BibTeX and <see cref="Bibtex.BibtexNames"/> read back to the same
    /// display name. A name that cannot be split is braced whole, so it stays one last name.
    /// </summary>
    public static string Name(CitationName name)
    {
        if (name.IsLiteral)
        {
            return "{" + Escape(name.Display) + "}";
        }
        var last = NameWords(name.FullFamily);
        return name.Suffix.Length > 0
            ? $"{last}, {NameWords(name.Suffix)}, {NameWords(name.Given)}"
            : $"{last}, {NameWords(name.Given)}";
    }

    /// <summary>
    /// Each word escaped on its own, since BibTeX splits names into words before anything else; a word
    /// "and" is braced so it does not separate names, and a "*" is braced so the import does not read
    /// it as an equal-contribution mark.
    /// </summary>
    private static string NameWords(string words) =>
        string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
        {
            var escaped = Escape(word).Replace("*", "{*}", StringComparison.Ordinal);
            return word.Equals("and", StringComparison.OrdinalIgnoreCase) ? "{" + escaped + "}" : escaped;
        }));

    /// <summary>A capital after the first letter of a word, or of a hyphenated part: "GPT-4" and "iPhone", not "Long-Context".</summary>
    private static bool HasInnerCapital(string word)
    {
        var seenLetter = false;
        foreach (var c in word)
        {
            if (c is '-' or '/' or '–' or '—')
            {
                seenLetter = false;
            }
            else if (char.IsLetter(c))
            {
                if (seenLetter && char.IsUpper(c))
                {
                    return true;
                }
                seenLetter = true;
            }
        }
        return false;
    }
}
