namespace ResearcherProfiles.Web.Pages.People;

/// <summary>The resolver addresses of a paper's identifiers, escaped for use as an href.</summary>
public static class IdentifierLinks
{
    /// <summary>"10.1000/x y" → "https://doi.org/10.1000/x%20y": each part escaped, the slashes kept.</summary>
    public static string Doi(string doi)
    {
        ArgumentNullException.ThrowIfNull(doi);
        return $"https://doi.org/{string.Join('/', doi.Split('/').Select(Uri.EscapeDataString))}";
    }

    /// <summary>"2403.16952" → "https://arxiv.org/abs/2403.16952"; old-style ids keep their slash ("cs/0112017").</summary>
    public static string Arxiv(string arxivId)
    {
        ArgumentNullException.ThrowIfNull(arxivId);
        return $"https://arxiv.org/abs/{Uri.EscapeDataString(arxivId).Replace("%2F", "/", StringComparison.Ordinal)}";
    }
}
