namespace ResearcherProfiles.Core.Text;

/// <summary>Which URLs may become an href or src on the site.</summary>
public static class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// True for http, https and mailto URLs and for relative ones. The check runs on the URL as
    /// a browser reads it: control characters and whitespace, which browsers drop inside a
    /// scheme ("java&#9;script:"), are removed first.
    /// </summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        var compact = string.Concat(url.Where(c => c > ' ' && !char.IsControl(c)));
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var beforeColon = compact[..colon];
        if (beforeColon.IndexOfAny(['/', '?', '#']) >= 0)
        {
            // The colon sits in a path, query or fragment: a relative URL.
            return true;
        }
        return AllowedSchemes.Contains(beforeColon.ToLowerInvariant());
    }

    /// <summary>
    /// True for images a page may load: the site's own uploads (/media/...) and https addresses.
    /// Anything else (http, data:, other schemes, other paths of this site, protocol-relative
    /// "//host/...") would let a profile load mixed content, embed arbitrary data or make
    /// visitors' browsers request addresses chosen by its author.
    /// </summary>
    public static bool IsAllowedImage(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => c <= ' ' || char.IsControl(c) || c == '\\'))
        {
            return false;
        }
        if (url.StartsWith("/media/", StringComparison.Ordinal))
        {
            return !url.Split(['/', '?', '#']).Any(segment => segment is ".." or "." || segment.Contains('%', StringComparison.Ordinal));
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>True for absolute http and https URLs only: the rule for links a user enters in a form.</summary>
    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
