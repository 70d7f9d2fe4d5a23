using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Web.Sources;

/// <summary>
/// Looks up pasted identifiers at their services: every DOI at doi.org, a few at a time, and all
/// arXiv ids in one request. An arXiv paper that has since been published with a DOI is described
/// by its published version, keeping its arXiv id, so both identifiers lead to one paper.
/// </summary>
public sealed class IdentifierLookup(DoiClient doi, ArxivClient arxiv)
{
    /// <summary>The most identifiers one request may look up.</summary>
    public const int MaxIdentifiers = 50;

    private const int DoisAtOnce = 4;

    public async Task<IReadOnlyList<LookupResult>> LookupAsync(IReadOnlyList<PaperIdentifier> identifiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var arxivTask = arxiv.LookupAsync(identifiers.Where(i => i.Kind == IdentifierKind.Arxiv).ToList(), ct);
        var doiResults = await LookupDoisAsync(identifiers.Where(i => i.Kind == IdentifierKind.Doi).ToList(), ct);
        var arxivResults = await arxivTask;

        var published = doiResults.Where(r => r.Paper is not null).ToDictionary(r => r.Identifier.Value, r => r.Paper!);
        var missing = arxivResults.Select(r => r.Paper?.Doi).OfType<string>().Distinct()
            .Where(d => !published.ContainsKey(d)).Select(d => new PaperIdentifier(IdentifierKind.Doi, d)).ToList();
        foreach (var r in await LookupDoisAsync(missing, ct))
        {
            if (r.Paper is not null)
            {
                published[r.Identifier.Value] = r.Paper;
            }
        }

        var results = doiResults.Concat(arxivResults.Select(r => r.Paper is { Doi: { } d } preprint && published.TryGetValue(d, out var version)
            ? r with { Paper = version with { ArxivId = preprint.ArxivId, ArxivVersion = preprint.ArxivVersion, Abstract = version.Abstract ?? preprint.Abstract } }
            : r)).ToDictionary(r => r.Identifier);
        return identifiers.Select(i => results[i]).ToList();
    }

    /// <summary>
    /// The papers to import, each once: a DOI pasted beside the arXiv id of the same paper gives one
    /// entry, the one that carries both identifiers.
    /// </summary>
    public static IReadOnlyList<FetchedPaper> Papers(IEnumerable<LookupResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Select(r => r.Paper).OfType<FetchedPaper>()
            .GroupBy(p => p.Doi is null ? "arxiv:" + p.ArxivId : "doi:" + p.Doi)
            .Select(g => g.FirstOrDefault(p => p.ArxivId is not null) ?? g.First())
            .ToList();
    }

    private async Task<LookupResult[]> LookupDoisAsync(List<PaperIdentifier> dois, CancellationToken ct)
    {
        var results = new LookupResult[dois.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, dois.Count), new ParallelOptions { MaxDegreeOfParallelism = DoisAtOnce, CancellationToken = ct },
            async (i, token) => results[i] = await doi.LookupAsync(dois[i], token));
        return results;
    }
}
