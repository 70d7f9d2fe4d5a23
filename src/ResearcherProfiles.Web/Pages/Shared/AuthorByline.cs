using System.Text;
using Microsoft.AspNetCore.Html;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// Renders an author list as one run of HTML, so that separators are exactly ", ", " and "
/// and ", and " with no stray whitespace from a template.
/// </summary>
public static class AuthorByline
{
    public static IHtmlContent Render(IReadOnlyList<AuthorView> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var html = Utf8Html.Encoder;
        var sb = new StringBuilder("<span class=\"authors\">");
        for (var i = 0; i < authors.Count; i++)
        {
            var author = authors[i];
            var name = html.Encode(author.Name);
            sb.Append(html.Encode(AuthorList.SeparatorBefore(i, authors.Count, author.Name))).Append("<span class=\"author\">");
            if (author.IsOwner)
            {
                sb.Append("<strong class=\"author-self\">").Append(name).Append("</strong>");
            }
            else if (author.Slug is not null)
            {
                sb.Append("<a href=\"/people/").Append(html.Encode(author.Slug)).Append("\">").Append(name).Append("</a>");
            }
            else
            {
                sb.Append(name);
            }
            if (author.Marks.Length > 0)
            {
                sb.Append("<sup class=\"author-marks\">").Append(html.Encode(author.Marks)).Append("</sup>");
            }
            sb.Append("</span>");
        }
        return new HtmlString(sb.Append("</span>").ToString());
    }
}
