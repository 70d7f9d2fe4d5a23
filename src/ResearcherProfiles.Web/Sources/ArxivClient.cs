using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Asks the arXiv API for several papers in one request, as arXiv asks its users to.</summary>
public sealed class ArxivClient(HttpClient http, SourceSettings settings)
{
    public const string Service = "arXiv";

    public async Task<IReadOnlyList<LookupResult>> LookupAsync(IReadOnlyList<PaperIdentifier> identifiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        if (identifiers.Count == 0)
        {
            return [];
        }
        var ids = string.Join(',', identifiers.Select(i => Uri.EscapeDataString(i.Value)));
        try
        {
            using var response = await http.GetAsync($"api/query?id_list={ids}&max_results={identifiers.Count}", ct);
            if (!response.IsSuccessStatusCode)
            {
                return identifiers.Select(i => LookupResult.Failed(i, SourceFailures.ForStatus(Service, response, NotFound(i)))).ToList();
            }
            var papers = ArxivAtom.Read(await response.Content.ReadAsStringAsync(ct));
            return identifiers.Select(i => papers.TryGetValue(i.Value, out var paper) ? LookupResult.Found(i, paper) : LookupResult.Failed(i, NotFound(i))).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return identifiers.Select(i => LookupResult.Failed(i, problem)).ToList();
        }
    }

    private static string NotFound(PaperIdentifier identifier) => $"{Service} has no paper {identifier.Value}; check it for typing mistakes.";
}
