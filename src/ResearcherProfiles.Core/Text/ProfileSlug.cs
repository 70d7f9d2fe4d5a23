namespace ResearcherProfiles.Core.Text;

/// <summary>The rule for the last part of a profile's address, /people/{slug}.</summary>
public static class ProfileSlug
{
    /// <summary>Lowercase ASCII letters and digits in runs joined by single hyphens: "ada-lovelace".</summary>
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /// <summary>
    /// The slug in what someone typed as a profile's address: "ada-lovelace", "/people/ada-lovelace"
    /// or "https://example.org/people/ada-lovelace/" all give "ada-lovelace".
    /// </summary>
    public static string FromAddress(string? address)
    {
        var text = (address ?? string.Empty).Trim();
        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }
        text = text.TrimEnd('/');
        const string people = "/people/";
        var start = text.LastIndexOf(people, StringComparison.OrdinalIgnoreCase);
        if (start >= 0)
        {
            text = text[(start + people.Length)..];
        }
        return text.ToLowerInvariant();
    }

    /// <summary>
    /// Words a profile may not take: the site's own paths and the names people would read as
    /// them, so that no profile's address can pass for a page of the site.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "about", "account", "accounts", "admin", "administrator", "api", "assets", "auth", "css", "cv",
        "edit", "error", "errors", "favicon", "feed", "feeds", "fonts", "healthz", "help", "home",
        "images", "img", "index", "js", "lib", "login", "logout", "media", "new", "not-found",
        "people", "photos", "privacy", "profile", "profiles", "publications", "register", "robots",
        "rss", "search", "settings", "setup", "signin", "signout", "sitemap", "static", "terms",
        "uploads", "www",
    };

    public static bool IsReserved(string? slug) => slug is not null && Reserved.Contains(slug.Trim());

    public static string ReservedMessage(string slug) =>
        $"“{slug.Trim()}” is reserved for the site's own pages; choose another address.";
}
