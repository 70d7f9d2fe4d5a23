using System.Text;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Bibtex;

/// <summary>One person (or organisation) from a BibTeX name list, with parts already converted to Unicode.</summary>
public sealed record BibtexName(string First, string Von, string Last, string Jr, bool IsOthers, bool EqualContribution)
{
    /// <summary>"First von Last, Jr.", or "et al." for <c>and others</c>.</summary>
    public string Display => IsOthers
        ? AuthorList.EtAl
        : string.Join(' ', new[] { First, Von, Last }.Where(p => p.Length > 0)) + (Jr.Length > 0 ? ", " + Jr : "");

    /// <summary>The name was marked as the corresponding author's (†), as the site's backup writes it.</summary>
    public bool Corresponding { get; init; }
}

/// <summary>
/// Splits a BibTeX author or editor field following BibTeX's own rules: <c>and</c> at brace depth 0
/// separates names, commas select the "von Last, Jr, First" forms, and lowercase words form the von part.
/// </summary>
public static class BibtexNames
{
    private static readonly string[] EqualContributionMarks =
        ["\\footnotemark", "$^*$", "$^{*}$", "\\textsuperscript{*}", "^*", "*"];

    private static readonly string[] CorrespondingMarks =
        ["$^\\dagger$", "$^{\\dagger}$", "\\textsuperscript{\\dag}", "\\textdagger", "\\dag", "†"];

    public static IReadOnlyList<BibtexName> Parse(string authorField)
    {
        ArgumentNullException.ThrowIfNull(authorField);
        var names = new List<BibtexName>();
        foreach (var words in SplitOnAnd(Words(authorField)))
        {
            if (words.Count == 0)
            {
                continue;
            }

            if (words.Count == 1 && words[0].Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                names.Add(new BibtexName("", "", "", "", IsOthers: true, EqualContribution: false));
                continue;
            }

            names.Add(ParseOne(string.Join(' ', words)));
        }

        return names;
    }

    private static BibtexName ParseOne(string raw)
    {
        var parts = SplitCommas(raw);
        var equal = false;
        var corresponding = false;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            // The marks may come in either order: "Ruiz*†" or "Ruiz†*".
            var found = true;
            while (found)
            {
                var marked = StripMark(ref part, CorrespondingMarks);
                var equalMarked = StripEqualContributionMark(ref part);
                corresponding |= marked;
                equal |= equalMarked;
                found = marked || equalMarked;
            }
            parts[i] = part;
        }

        string first, von, last, jr = "";
        if (parts.Count == 1)
        {
            var words = Words(parts[0]);
            var vonStart = -1;
            var vonEnd = -1;
            for (var i = 0; i < words.Count - 1; i++)
            {
                if (StartsLowercase(words[i]))
                {
                    if (vonStart < 0)
                    {
                        vonStart = i;
                    }

                    vonEnd = i;
                }
            }

            if (vonStart < 0)
            {
                first = Join(words, 0, words.Count - 1);
                von = "";
                last = Join(words, words.Count - 1, words.Count);
            }
            else
            {
                first = Join(words, 0, vonStart);
                von = Join(words, vonStart, vonEnd + 1);
                last = Join(words, vonEnd + 1, words.Count);
            }
        }
        else
        {
            (von, last) = SplitVonLast(Words(parts[0]));
            if (parts.Count == 2)
            {
                first = parts[1];
            }
            else
            {
                jr = parts[1];
                first = string.Join(", ", parts.Skip(2));
            }
        }

        return new BibtexName(Clean(first), Clean(von), Clean(last), Clean(jr), IsOthers: false, equal) { Corresponding = corresponding };
    }

    private static bool StripMark(ref string raw, string[] marks)
    {
        var trimmed = raw.TrimEnd();
        var found = false;
        foreach (var mark in marks)
        {
            if (trimmed.EndsWith(mark, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^mark.Length].TrimEnd();
                found = true;
                break;
            }
        }
        raw = trimmed;
        return found;
    }

    private static (string Von, string Last) SplitVonLast(List<string> words)
    {
        var vonEnd = -1;
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (StartsLowercase(words[i]))
            {
                vonEnd = i;
            }
        }

        return (Join(words, 0, vonEnd + 1), Join(words, vonEnd + 1, words.Count));
    }

    private static bool StripEqualContributionMark(ref string raw)
    {
        var found = false;
        var trimmed = raw.TrimEnd();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var mark in EqualContributionMarks)
            {
                if (trimmed.EndsWith(mark, StringComparison.Ordinal))
                {
                    trimmed = trimmed[..^mark.Length].TrimEnd();
                    found = changed = true;
                }
            }

            // \footnotemark[1]: the numbered form points at a footnote, conventionally the equal-contribution one.
            var numbered = trimmed.LastIndexOf("\\footnotemark[", StringComparison.Ordinal);
            if (numbered >= 0 && trimmed.EndsWith(']') && trimmed.IndexOf(']', numbered) == trimmed.Length - 1)
            {
                trimmed = trimmed[..numbered].TrimEnd();
                found = changed = true;
            }
        }

        raw = trimmed;
        return found;
    }

    /// <summary>
    /// The case of a word's first letter at brace depth 0 decides whether it is a particle; a group
    /// opened by a command such as <c>{\"u}</c> counts as its letter, any other braced group as uppercase.
    /// </summary>
    private static bool StartsLowercase(string word)
    {
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '{')
            {
                if (i + 1 < word.Length && word[i + 1] == '\\')
                {
                    var converted = LatexText.ToUnicode(word[i..]);
                    return converted.Length > 0 && char.IsLower(converted[0]);
                }

                return false;
            }

            if (c == '\\')
            {
                var converted = LatexText.ToUnicode(word[i..]);
                return converted.Length > 0 && char.IsLower(converted[0]);
            }

            if (char.IsLetter(c))
            {
                return char.IsLower(c);
            }

            i++;
        }

        return false;
    }

    private static string Clean(string part) => LatexText.ToUnicode(part.Trim());

    private static string Join(List<string> words, int start, int end) =>
        start >= end ? "" : string.Join(' ', words.Skip(start).Take(end - start));

    /// <summary>Whitespace-separated words at brace depth 0; commas stay inside their words.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }

            if (depth == 0 && (char.IsWhiteSpace(c) || c == '~'))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static List<List<string>> SplitOnAnd(List<string> words)
    {
        var names = new List<List<string>> { new() };
        foreach (var word in words)
        {
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                names.Add([]);
            }
            else
            {
                names[^1].Add(word);
            }
        }

        return names;
    }

    private static List<string> SplitCommas(string name)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(name[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(name[start..].Trim());
        return parts;
    }
}
