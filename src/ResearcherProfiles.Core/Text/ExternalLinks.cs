namespace ResearcherProfiles.Core.Text;

/// <summary>
/// How links to other sites open: in the same tab (the default), or, when a site chooses it, in a
/// new tab with rel="noopener noreferrer" and a hint for screen readers. A link is external when it
/// is an absolute http(s) address whose host is not the site's own; relative links, fragments and
/// mailto: links are never external.
/// </summary>
/// <param name="OpenInNewTab">Whether external links get target="_blank".</param>
/// <param name="SiteHost">The host of the site's public address, e.g. "profiles.example.org".</param>
public sealed record ExternalLinks(bool OpenInNewTab, string? SiteHost)
{
    /// <summary>Every link opens where it was followed.</summary>
    public static ExternalLinks SameTab { get; } = new(false, null);

    public const string Target = "_blank";

    /// <summary>The opened page gets no handle on this one and learns nothing of where the visitor came from.</summary>
    public const string Rel = "noopener noreferrer";

    /// <summary>Read after the link's own text, so that a screen reader says where it leads before it is followed.</summary>
    public const string Hint = " (opens in a new tab)";

    /// <summary>The hint as HTML: hidden on screen, read by screen readers.</summary>
    public const string HintHtml = "<span class=\"visually-hidden\">" + Hint + "</span>";

    /// <summary>The settings for a site at <paramref name="publicAddress"/>.</summary>
    public static ExternalLinks For(bool openInNewTab, string? publicAddress) =>
        new(openInNewTab, Uri.TryCreate(publicAddress, UriKind.Absolute, out var site) ? site.Host : null);

    /// <summary>True when <paramref name="url"/> should open in a new tab under these settings.</summary>
    public bool OpensInNewTab(string? url)
    {
        if (!OpenInNewTab || string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var trimmed = url.Trim();
        // "//host/path" keeps the page's scheme but leaves for another host.
        var absolute = trimmed.StartsWith("//", StringComparison.Ordinal) ? "https:" + trimmed : trimmed;
        return SafeUrl.IsHttpUrl(absolute)
            && Uri.TryCreate(absolute, UriKind.Absolute, out var address)
            && !string.Equals(address.Host, SiteHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A link's target attribute: "_blank" when <paramref name="url"/> opens in a new tab, else null (no attribute).</summary>
    public string? TargetFor(string? url) => OpensInNewTab(url) ? Target : null;

    /// <summary>
    /// A link's rel attribute: its own <paramref name="rel"/>, with noopener and noreferrer added when
    /// <paramref name="url"/> opens in a new tab; null when that leaves none (no attribute).
    /// </summary>
    public string? RelFor(string? url, string? rel = null) => OpensInNewTab(url) ? MergeRel(rel) : rel;

    /// <summary><paramref name="rel"/> (a link's own rel, such as "me") with noopener and noreferrer added once.</summary>
    public static string MergeRel(string? rel)
    {
        var tokens = (rel ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var token in Rel.Split(' '))
        {
            if (!tokens.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                tokens.Add(token);
            }
        }
        return string.Join(' ', tokens);
    }
}
