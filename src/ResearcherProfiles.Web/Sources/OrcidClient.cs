using System.Net.Http.Headers;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Sources;

/// <summary>
/// Lists a researcher's works from the ORCID public API v3.0: the record's works, then their details
/// (which alone name the authors) in as few requests as ORCID allows.
/// </summary>
public sealed class OrcidClient(HttpClient http, SourceSettings settings)
{
    public const string Service = "ORCID";

    /// <summary>The public works of the record <paramref name="orcidId"/> (bare or as an orcid.org address), keyed by put-code.</summary>
    public async Task<WorkList> WorksAsync(string orcidId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orcidId);
        if (ResearcherIds.NormalizeOrcid(orcidId) is not { } id)
        {
            return WorkList.Failed($"{PastedText.Quote(orcidId)} is not an ORCID iD; it looks like 0000-0002-1825-0097.");
        }
        var notFound = $"{Service} has no record {id}; check the iD.";
        try
        {
            using var listing = await GetAsync($"v3.0/{id}/works", ct);
            if (!listing.IsSuccessStatusCode)
            {
                return WorkList.Failed(SourceFailures.ForStatus(Service, listing, notFound));
            }
            var summaries = OrcidWorks.ReadSummaries(await listing.Content.ReadAsStringAsync(ct));
            var works = new List<SourceWork>(summaries.Count);
            foreach (var batch in summaries.Chunk(OrcidWorks.BulkLimit))
            {
                using var bulk = await GetAsync($"v3.0/{id}/works/{string.Join(',', batch.Select(w => w.SourceKey))}", ct);
                if (!bulk.IsSuccessStatusCode)
                {
                    return WorkList.Failed(SourceFailures.ForStatus(Service, bulk, notFound));
                }
                var details = OrcidWorks.ReadBulk(await bulk.Content.ReadAsStringAsync(ct));
                // A work hidden or deleted between the two requests keeps what its summary said.
                works.AddRange(batch.Select(w => details.TryGetValue(w.SourceKey, out var paper) ? w with { Paper = paper } : w));
            }
            return WorkList.Found(works);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return WorkList.Failed(problem);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
    }
}
