using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The pages' own links follow the same rule as links in rendered Markdown (see
/// <see cref="ExternalLinks"/>): with Site:ExternalLinksInNewTab on, every &lt;a href&gt; to another
/// site gets target="_blank", noopener and noreferrer added to its rel, and the hidden "(opens in a
/// new tab)" hint. A link that names its own target is left as it is. The public views remove this
/// helper and write the same attributes themselves (<see cref="ExternalLinkHint"/>).
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
public sealed class ExternalLinkTagHelper(ExternalLinks links) : TagHelper
{
    /// <summary>After the framework has resolved "~/" addresses, so that the address read is the one written.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!links.OpenInNewTab
            || output.Attributes.ContainsName("target")
            || !output.Attributes.TryGetAttribute("href", out var href)
            || !links.OpensInNewTab(ValueOf(href)))
        {
            return;
        }
        output.Attributes.TryGetAttribute("rel", out var rel);
        output.Attributes.SetAttribute("target", ExternalLinks.Target);
        output.Attributes.SetAttribute("rel", ExternalLinks.MergeRel(ValueOf(rel)));
        output.PostContent.AppendHtml(ExternalLinks.HintHtml);
    }

    /// <summary>An attribute's value as the browser will read it: written from an expression it arrives HTML-encoded.</summary>
    private static string? ValueOf(TagHelperAttribute? attribute)
    {
        switch (attribute?.Value)
        {
            case null:
                return null;
            case string text:
                return text;
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, Utf8Html.Encoder);
                    return WebUtility.HtmlDecode(writer.ToString());
                }
            default:
                return attribute.Value.ToString();
        }
    }
}
