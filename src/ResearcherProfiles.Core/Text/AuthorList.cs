namespace ResearcherProfiles.Core.Text;

/// <summary>One author as shown in a byline.</summary>
public sealed record AuthorView(string Name, string? Slug, bool IsOwner, bool EqualContribution, bool Corresponding)
{
    /// <summary>The marks after the name: "*" for equal contribution, "†" for corresponding author.</summary>
    public string Marks => (EqualContribution ? "*" : string.Empty) + (Corresponding ? "†" : string.Empty);
}

public static class AuthorList
{
    public const string EqualContributionLegend = "*: Equal contribution";
    public const string CorrespondingLegend = "†: Corresponding author";

    /// <summary>Stands for the authors a list leaves out (BibTeX's "and others"); stored as the last author.</summary>
    public const string EtAl = "et al.";

    /// <summary>The separator printed before the author at <paramref name="index"/>: "A and B", "A, B, and C".</summary>
    /// <summary>An author list for the editor's lists and queues: up to four names, else the first three and the count.</summary>
    public static string Abbreviated(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count switch
        {
            0 => "No authors",
            <= 4 => string.Join(", ", names),
            _ => $"{string.Join(", ", names.Take(3))}, … ({names.Count} authors)",
        };
    }

    public static string SeparatorBefore(int index, int count) => index switch
    {
        0 => string.Empty,
        _ when index == count - 1 && count == 2 => " and ",
        _ when index == count - 1 => ", and ",
        _ => ", ",
    };

    /// <summary>As <see cref="SeparatorBefore(int, int)"/>, but "A, B, et al." and "A et al." when the name is <see cref="EtAl"/>.</summary>
    public static string SeparatorBefore(int index, int count, string name) => name == EtAl && index > 0
        ? (count == 2 ? " " : ", ")
        : SeparatorBefore(index, count);

    /// <summary>The legend for the marks used in a set of bylines, e.g. "(*: Equal contribution)".</summary>
    public static string? Legend(IEnumerable<AuthorView> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var list = authors as IReadOnlyCollection<AuthorView> ?? authors.ToList();
        var parts = new List<string>(2);
        if (list.Any(a => a.EqualContribution))
        {
            parts.Add(EqualContributionLegend);
        }
        if (list.Any(a => a.Corresponding))
        {
            parts.Add(CorrespondingLegend);
        }
        return parts.Count == 0 ? null : $"({string.Join("; ", parts)})";
    }

    /// <summary>The byline as plain text with marks: "Ana Ruiz*, Bo Chen*, and Li Wei†".</summary>
    public static string ToPlainText(IReadOnlyList<AuthorView> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        return string.Concat(authors.Select((a, i) => SeparatorBefore(i, authors.Count, a.Name) + a.Name + a.Marks));
    }
}
