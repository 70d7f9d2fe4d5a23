namespace ResearcherProfiles.Core.Text;

/// <summary>
/// Whether two titles can name the same paper. A DOI or arXiv id is strong evidence that two entries
/// are one paper, but identifiers get copied into the wrong entry (and invented data reuses real ones),
/// so a record found by its identifier is only taken for the same paper when the titles agree too.
/// Agreement tolerates what happens to a paper's title between preprint and publication: case,
/// accents, punctuation and LaTeX braces (compared through <see cref="ScholarlyIds.TitleKey"/>), a
/// typo, a word or two added or dropped, a subtitle added, dropped or rewritten.
/// </summary>
public static class TitleAgreement
{
    /// <summary>
    /// The share of words two titles must have in common (Dice coefficient: twice the common words over
    /// all words): one word changed in five still agrees, titles that share only "learning" and "for" do not.
    /// </summary>
    public const double MinimumSharedWords = 0.7;

    private static readonly char[] SubtitleSeparators = [':', '—', '–'];

    public static bool Agree(string? first, string? second)
    {
        var a = Words(first);
        var b = Words(second);
        // Nothing to compare is no evidence against the identifier.
        if (a.Length == 0 || b.Length == 0)
        {
            return true;
        }
        if (StartsWith(a, b) || StartsWith(b, a))
        {
            return true;
        }
        if (MainTitle(first) is { Length: > 0 } mainA && MainTitle(second) is { Length: > 0 } mainB
            && mainA.Length == mainB.Length && StartsWith(mainA, mainB))
        {
            return true;
        }
        return SharedWords(a, b) >= MinimumSharedWords;
    }

    private static string[] Words(string? title) =>
        ScholarlyIds.TitleKey(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words before a subtitle ("Tessera" in "Tessera: Verifiable ..."); empty when there is no subtitle.</summary>
    private static string[] MainTitle(string? title)
    {
        var end = title?.IndexOfAny(SubtitleSeparators) ?? -1;
        return end > 0 ? Words(title![..end]) : [];
    }

    /// <summary>The shorter title's words open the longer one: a subtitle was added or dropped.</summary>
    private static bool StartsWith(string[] longer, string[] shorter)
    {
        if (shorter.Length > longer.Length)
        {
            return false;
        }
        for (var i = 0; i < shorter.Length; i++)
        {
            if (!SameWord(longer[i], shorter[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static double SharedWords(string[] a, string[] b)
    {
        var unused = b.ToList();
        var shared = 0;
        foreach (var word in a)
        {
            var index = unused.FindIndex(other => SameWord(word, other));
            if (index >= 0)
            {
                unused.RemoveAt(index);
                shared++;
            }
        }
        return 2.0 * shared / (a.Length + b.Length);
    }

    /// <summary>Equal, or a typo apart: one edit in a word of five letters or more, two from nine.</summary>
    private static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }
        var length = Math.Min(a.Length, b.Length);
        var allowed = length >= 9 ? 2 : length >= 5 ? 1 : 0;
        return allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && EditDistance(a, b) <= allowed;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
