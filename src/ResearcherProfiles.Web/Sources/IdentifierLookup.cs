using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Looks up pasted identifiers at their services: every DOI at doi.org, a few at a time, and all arXiv ids in one request.</summary>
public sealed class IdentifierLookup(DoiClient doi, ArxivClient arxiv)
{
    /// <summary>The most identifiers one request may look up.</summary>
    public const int MaxIdentifiers = 50;

    private const int DoisAtOnce = 4;

    public async Task<IReadOnlyList<LookupResult>> LookupAsync(IReadOnlyList<PaperIdentifier> identifiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var dois = identifiers.Where(i => i.Kind == IdentifierKind.Doi).ToList();
        var results = new Dictionary<PaperIdentifier, LookupResult>();
        var arxivTask = arxiv.LookupAsync(identifiers.Where(i => i.Kind == IdentifierKind.Arxiv).ToList(), ct);
        var doiResults = new LookupResult[dois.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, dois.Count), new ParallelOptions { MaxDegreeOfParallelism = DoisAtOnce, CancellationToken = ct },
            async (i, token) => doiResults[i] = await doi.LookupAsync(dois[i], token));
        foreach (var result in doiResults.Concat(await arxivTask))
        {
            results[result.Identifier] = result;
        }
        return identifiers.Select(i => results[i]).ToList();
    }
}
