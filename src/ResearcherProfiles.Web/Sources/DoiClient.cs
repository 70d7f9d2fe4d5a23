using System.Net.Http.Headers;
using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Asks doi.org for a DOI's metadata as CSL-JSON (content negotiation, for Crossref and DataCite DOIs alike).</summary>
public sealed class DoiClient(HttpClient http, SourceSettings settings)
{
    public const string Service = "doi.org";

    public async Task<LookupResult> LookupAsync(PaperIdentifier identifier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var segments = identifier.Value.Split('/');
        if (segments.Any(s => s is "." or ".."))
        {
            // A web address would treat them as steps up the path, out of the resolver.
            return LookupResult.Failed(identifier, $"{identifier.Value} is not a DOI that {Service} can resolve.");
        }
        var path = string.Join('/', segments.Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.citationstyles.csl+json"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return LookupResult.Failed(identifier, SourceFailures.ForStatus(Service, response, $"{Service} does not know the DOI {identifier.Value}; check it for typing mistakes."));
            }
            var paper = CslJson.Read(await response.Content.ReadAsStringAsync(ct));
            return LookupResult.Found(identifier, paper with { Doi = paper.Doi ?? identifier.Value });
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return LookupResult.Failed(identifier, problem);
        }
    }
}
