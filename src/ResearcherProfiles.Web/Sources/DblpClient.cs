using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Lists a researcher's works from their DBLP person page in XML.</summary>
public sealed class DblpClient(HttpClient http, SourceSettings settings)
{
    public const string Service = "DBLP";

    /// <summary>The records of the DBLP person <paramref name="pid"/> (bare or as a dblp.org address), keyed by DBLP record key.</summary>
    public async Task<WorkList> WorksAsync(string pid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pid);
        if (ResearcherIds.NormalizeDblpPid(pid) is not { } id)
        {
            return WorkList.Failed($"{PastedText.Quote(pid)} is not a DBLP person id; it looks like 31/1161, as in dblp.org/pid/31/1161.");
        }
        try
        {
            using var response = await http.GetAsync($"pid/{string.Join('/', id.Split('/').Select(Uri.EscapeDataString))}.xml", ct);
            if (!response.IsSuccessStatusCode)
            {
                return WorkList.Failed(SourceFailures.ForStatus(Service, response, $"{Service} has no person {id}; check the id."));
            }
            return WorkList.Found(DblpPerson.Read(await response.Content.ReadAsStringAsync(ct)));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && SourceFailures.ForException(Service, e, settings.Timeout) is { } problem)
        {
            return WorkList.Failed(problem);
        }
    }
}
