using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Lists an author's works and reads cited-by counts from the OpenAlex API, in its polite pool when the site gives a contact address.</summary>
public sealed class OpenAlexClient(HttpClient http, SourceSettings settings)
{
    public const string Service = "OpenAlex";

    /// <summary>Works asked for per page; OpenAlex's largest page.</summary>
    public const int PageSize = 200;

    /// <summary>Pages followed at most, so one author brings at most 2,000 works.</summary>
    public const int MaxPages = 10;

    /// <summary>Identifiers asked for per request for citation counts.</summary>
    public const int CitationBatch = 50;

    /// <summary>The works of the OpenAlex author <paramref name="authorId"/> (bare or as an openalex.org address), keyed by work id.</summary>
    public async Task<WorkList> WorksAsync(string authorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authorId);
        if (ResearcherIds.NormalizeOpenAlexAuthor(authorId) is not { } id)
        {
            return WorkList.Failed($"{PastedText.Quote(authorId)} is not an OpenAlex author id; it looks like A5023888391.");
        }
        var notFound = $"{Service} has no author {id}; check the id.";
        try
        {
            var works = new List<SourceWork>();
            var cursor = "*";
            for (var page = 0; page < MaxPages && cursor is not null; page++)
            {
                using var response = await http.GetAsync($"works?filter=author.id:{id}&per-page={PageSize}&cursor={(cursor == "*" ? cursor : Uri.EscapeDataString(cursor))}{Polite("&")}", ct);
                if (!response.IsSuccessStatusCode)
                {
                    return WorkList.Failed(SourceFailures.ForStatus(Service, response, notFound));
                }
                var read = OpenAlexWorks.ReadPage(await response.Content.ReadAsStringAsync(ct));
                works.AddRange(read.Works);
                // An empty page ends the list even when a cursor comes with it.
                cursor = read.Works.Count == 0 ? null : read.NextCursor;
            }
            if (works.Count == 0)
            {
                // A filter on an unknown author is an empty list, not an error: ask for the author to tell the two apart.
                using var author = await http.GetAsync($"authors/{id}{Polite("?")}", ct);
                if (!author.IsSuccessStatusCode)
                {
                    return WorkList.Failed(SourceFailures.ForStatus(Service, author, notFound));
                }
            }
            return WorkList.Found(works);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return WorkList.Failed(problem);
        }
    }

    /// <summary>
    /// Cited-by counts for papers by DOI, arXiv papers by the DOI arXiv gives them (10.48550/arXiv.…),
    /// under which OpenAlex lists them; papers OpenAlex does not know are absent from the counts.
    /// </summary>
    public async Task<CitationCounts> CitedByAsync(IReadOnlyList<PaperIdentifier> identifiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var byDoi = new Dictionary<string, PaperIdentifier>(StringComparer.Ordinal);
        foreach (var identifier in identifiers)
        {
            var doi = identifier.Kind == IdentifierKind.Doi ? identifier.Value : $"10.48550/arxiv.{identifier.Value}";
            // OpenAlex's filter separates values with "|" and filters with ","; a DOI holding either cannot be asked.
            if (!doi.Contains('|', StringComparison.Ordinal) && !doi.Contains(',', StringComparison.Ordinal))
            {
                byDoi.TryAdd(doi.ToLowerInvariant(), identifier);
            }
        }
        var counts = new Dictionary<PaperIdentifier, int>();
        try
        {
            foreach (var batch in byDoi.Keys.Chunk(CitationBatch))
            {
                var filter = Uri.EscapeDataString("doi:" + string.Join('|', batch));
                using var response = await http.GetAsync($"works?filter={filter}&per-page={CitationBatch}&select=id,doi,cited_by_count{Polite("&")}", ct);
                if (!response.IsSuccessStatusCode)
                {
                    return new CitationCounts(counts, SourceFailures.ForStatus(Service, response, $"{Service} could not look up these papers; try again later."));
                }
                foreach (var (doi, count) in OpenAlexWorks.ReadCitedBy(await response.Content.ReadAsStringAsync(ct)))
                {
                    if (byDoi.TryGetValue(doi, out var identifier))
                    {
                        counts[identifier] = count;
                    }
                }
            }
            return new CitationCounts(counts, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return new CitationCounts(counts, problem);
        }
    }

    /// <summary>mailto=, which puts the requests in OpenAlex's faster, more reliable polite pool.</summary>
    private string Polite(string separator) =>
        settings.ContactEmail is { } contact ? $"{separator}mailto={Uri.EscapeDataString(contact)}" : "";
}
