using Microsoft.AspNetCore.Html;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The new-tab rule (<see cref="ExternalLinks"/>) written by a view itself, for the public views,
/// which render many links and leave <see cref="ExternalLinkTagHelper"/> out: a tag helper on every
/// &lt;a&gt; costs each link the framework's per-element work even when the rule is off. A link that
/// may lead to another site is written as
/// <c>&lt;a href="@url" rel="@Links.RelFor(url, "noopener")" target="@Links.TargetFor(url)"&gt;text@Links.HintFor(url)&lt;/a&gt;</c>;
/// Razor leaves out an attribute whose value is null.
/// </summary>
public static class ExternalLinkHint
{
    private static readonly HtmlString Hint = new(ExternalLinks.HintHtml);

    /// <summary>The hidden "(opens in a new tab)", last in the link's content, when <paramref name="url"/> opens in a new tab.</summary>
    public static IHtmlContent HintFor(this ExternalLinks links, string? url)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.OpensInNewTab(url) ? Hint : HtmlString.Empty;
    }
}
