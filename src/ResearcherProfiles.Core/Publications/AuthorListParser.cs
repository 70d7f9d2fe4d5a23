using System.Text;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Publications;

/// <summary>One author read from a pasted author list, with the marks written after the name.</summary>
public sealed record PastedAuthor(string Name, bool EqualContribution, bool Corresponding);

/// <summary>What a pasted author list gave: the authors in order, and whether some were left out for being past the limit.</summary>
public sealed record PastedAuthorList(IReadOnlyList<PastedAuthor> Authors, bool Truncated);

/// <summary>
/// Reads an author list as people copy it from a paper, a CV or a BibTeX entry: "A. Smith, B. Jones
/// and C. Wu" (with or without the serial comma, "&amp;" for "and"), one name per line, BibTeX's
/// "Smith, A. and Jones, B.", or "Smith, A., Jones, B." from a reference list. A "*" after a name marks
/// equal contribution, "†", "#" or "✉" the corresponding author. Names in "Surname, Given" form are
/// turned round by the BibTeX name rules, so "Smith, A." and "A. Smith" are the same author.
/// </summary>
public static partial class AuthorListParser
{
    /// <summary>Longer pastes are read only this far: a thousand authors with long names fit with room to spare.</summary>
    public const int MaxTextLength = 100_000;

    private static readonly (string Latex, string Mark)[] LatexMarks =
    [
        ("$^{*}$", "*"), ("$^*$", "*"), ("\\textsuperscript{*}", "*"), ("^*", "*"),
        ("$^{\\dagger}$", "†"), ("$^\\dagger$", "†"), ("\\textsuperscript{\\dagger}", "†"), ("\\dagger", "†"), ("\\dag", "†"),
        ("\\footnotemark", "*"),
    ];

    /// <param name="text">The pasted text; null or blank gives no authors.</param>
    /// <param name="maxAuthors">At most this many authors are returned; <see cref="PastedAuthorList.Truncated"/> says when more were there.</param>
    public static PastedAuthorList Parse(string? text, int maxAuthors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAuthors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], false);
        }
        var clean = ControlCharacters.Strip(text.Length > MaxTextLength ? text[..MaxTextLength] : text).Normalize(NormalizationForm.FormC);
        foreach (var (latex, mark) in LatexMarks)
        {
            clean = clean.Replace(latex, mark, StringComparison.Ordinal);
        }

        var authors = new List<PastedAuthor>();
        foreach (var piece in clean.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var raw in NamesIn(Unbullet(piece)))
            {
                if (ToAuthor(raw) is { } author)
                {
                    if (authors.Count == maxAuthors)
                    {
                        return new(authors, true);
                    }
                    authors.Add(author);
                }
            }
        }
        return new(authors, false);
    }

    /// <summary>The names of one line, each still as written ("Smith, A.*" or "A. Smith*").</summary>
    private static IEnumerable<string> NamesIn(string line)
    {
        var andChunks = AndSeparator().Split(line).Select(c => c.Trim().TrimEnd(',').Trim()).Where(c => c.Length > 0).ToList();

        // BibTeX: names separated by "and" only, each either "Surname, Given" or without a comma.
        if (andChunks.All(c => CommaParts(c) is { Count: 1 } || IsSurnameFirst(CommaParts(c)))
            && andChunks.Any(c => CommaParts(c).Count == 2))
        {
            return andChunks.Select(TurnRound);
        }

        var parts = ListSeparator().Split(line).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

        // A reference list's "Smith, A., Jones, B.": surnames and initials alternate.
        if (parts.Count >= 2 && parts.Count % 2 == 0
            && Enumerable.Range(0, parts.Count / 2).All(i => IsSurname(parts[2 * i]) && IsInitials(parts[(2 * i) + 1])))
        {
            return Enumerable.Range(0, parts.Count / 2).Select(i => TurnRound(parts[2 * i] + ", " + parts[(2 * i) + 1]));
        }
        return parts;
    }

    /// <summary>"Smith, A.*" → "A. Smith*": the marks stay at the end, where <see cref="ToAuthor"/> reads them.</summary>
    private static string TurnRound(string surnameFirst)
    {
        var (name, marks) = SplitMarks(surnameFirst);
        if (!name.Contains(',', StringComparison.Ordinal))
        {
            return surnameFirst;
        }
        var parsed = BibtexNames.Parse(name);
        return parsed.Count == 1 ? parsed[0].Display + marks : surnameFirst;
    }

    private static PastedAuthor? ToAuthor(string raw)
    {
        var (name, marks) = SplitMarks(raw);
        name = Whitespace().Replace(name, " ").Trim().Trim(',').Trim();
        if (name.Contains('{', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            name = LatexText.ToUnicode(name).Trim();
        }
        if (name.Length == 0 || !name.Any(char.IsLetter) || name.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (EtAl().IsMatch(name) || name.Equals("others", StringComparison.OrdinalIgnoreCase))
        {
            return new PastedAuthor(AuthorList.EtAl, false, false);
        }
        return new PastedAuthor(name, marks.Contains('*', StringComparison.Ordinal),
            marks.IndexOfAny(['†', '#', '✉']) >= 0);
    }

    /// <summary>The name without its marks, and the marks; a mark may also stand after the surname of "Smith*, A.".</summary>
    private static (string Name, string Marks) SplitMarks(string raw)
    {
        var marks = new StringBuilder();
        var name = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c is '*' or '†' or '#' or '✉' or '‡')
            {
                marks.Append(c);
            }
            else
            {
                name.Append(c);
            }
        }
        return (name.ToString().Trim(), marks.ToString());
    }

    private static string Unbullet(string line) => Bullet().Replace(line, string.Empty);

    private static List<string> CommaParts(string chunk) =>
        SplitMarks(chunk).Name.Split(',', StringSplitOptions.TrimEntries).ToList();

    private static bool IsSurnameFirst(List<string> parts) =>
        parts.Count == 2 && IsSurname(parts[0]) && parts[1].Length > 0 && !parts[1].Any(char.IsDigit);

    /// <summary>A surname, possibly with lowercase particles ("van der Berg") and hyphens, and no initials.</summary>
    private static bool IsSurname(string text)
    {
        var words = SplitMarks(text).Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4)
        {
            return false;
        }
        return words.All(w => w.Any(char.IsLetter) && !IsInitial(w))
            && words.Take(words.Length - 1).All(w => char.IsLower(w.First(char.IsLetter)))
            && !char.IsLower(words[^1].First(char.IsLetter));
    }

    /// <summary>"A.", "A. B.", "AB", "J.-P.": given names written as initials only.</summary>
    private static bool IsInitials(string text)
    {
        var name = SplitMarks(text).Name;
        return name.Length > 0 && name.Length <= 12
            && name.Split([' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words
            && words.All(w => w.Length <= 3 && w.All(char.IsUpper));
    }

    private static bool IsInitial(string word)
    {
        var letters = word.Where(char.IsLetter).ToList();
        return letters.Count == 1 && char.IsUpper(letters[0]) && (word.EndsWith('.') || word.Length == 1);
    }

    [GeneratedRegex(@"\s+(?:and|&)\s+|^(?:and|&)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|^(?:and|&)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^et\.?\s*al\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[•·▪‣◦-]|\d+[.)])\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Bullet();
}

/// <summary>Links the names of a filled author list to researchers on the site, as the BibTeX import matches authors.</summary>
public static class PastedAuthorLinks
{
    /// <summary>
    /// The researcher each name is: the one known person it fits, or the profile's owner when it fits
    /// several and the owner is among them; otherwise none. A researcher is linked at most once, at
    /// their first name in the list.
    /// </summary>
    public static IReadOnlyList<int?> Match(IReadOnlyList<string> names, AuthorMatcher matcher, int ownerId)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(matcher);
        var used = new HashSet<int>();
        var links = new List<int?>(names.Count);
        foreach (var name in names)
        {
            var found = name == AuthorList.EtAl || BibtexNames.Parse(name) is not [var parsed] ? [] : matcher.Find(parsed);
            int? id = found.Count switch
            {
                1 => found[0],
                > 1 when found.Contains(ownerId) => ownerId,
                _ => null,
            };
            links.Add(id is int linked && used.Add(linked) ? linked : null);
        }
        return links;
    }
}
