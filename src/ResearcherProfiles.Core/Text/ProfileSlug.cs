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
}
