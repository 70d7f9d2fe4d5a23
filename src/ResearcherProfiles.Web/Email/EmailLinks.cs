namespace ResearcherProfiles.Web.Email;

/// <summary>
/// Absolute links for emails. "Email:LinkBaseUrl" (e.g. https://profiles.example.org) fixes the
/// site's public address; without it the request's scheme and host are used, so a site that
/// does not set it should restrict AllowedHosts, or a forged Host header could point a
/// password-reset link elsewhere.
/// </summary>
public sealed class EmailLinks(IConfiguration configuration)
{
    public const string BaseUrlKey = "Email:LinkBaseUrl";

    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var configured = configuration[BaseUrlKey];
        var origin = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
        return origin + pathAndQuery;
    }
}
