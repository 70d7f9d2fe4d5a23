using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// Whether a work a source lists is already known for a profile: on it, waiting in its review
/// queue, or rejected. A work is known when its DOI, its arXiv id or its title matches one known,
/// so a paper listed by ORCID with a DOI and by DBLP as an arXiv preprint is suggested once.
/// </summary>
public sealed class WorkMatching
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>The strongest identity of a work: its DOI, else its arXiv id, else its title.</summary>
    public static string MatchKey(FetchedPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.Doi is { } doi ? "doi:" + doi
            : paper.ArxivId is { } arxiv ? "arxiv:" + arxiv
            : "title:" + ScholarlyIds.TitleKey(paper.Title);
    }

    public void Add(string? doi, string? arxivId, string? titleKey)
    {
        foreach (var key in Keys(doi, arxivId, titleKey))
        {
            _keys.Add(key);
        }
    }

    public bool Contains(string? doi, string? arxivId, string? titleKey) => Keys(doi, arxivId, titleKey).Any(_keys.Contains);

    private static IEnumerable<string> Keys(string? doi, string? arxivId, string? titleKey)
    {
        if (!string.IsNullOrEmpty(doi))
        {
            yield return "doi:" + doi.ToLowerInvariant();
        }
        if (!string.IsNullOrEmpty(arxivId))
        {
            yield return "arxiv:" + arxivId;
        }
        // One-word or very short titles ("Introduction", "Preface", "Book review") say too little to recognise a paper by.
        if (!string.IsNullOrEmpty(titleKey) && titleKey.Length >= 12 && titleKey.Contains(' ', StringComparison.Ordinal))
        {
            yield return "title:" + titleKey;
        }
    }
}
