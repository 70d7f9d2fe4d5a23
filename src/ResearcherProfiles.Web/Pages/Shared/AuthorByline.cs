using System.Text;
using Microsoft.AspNetCore.Html;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// Renders an author list as one run of HTML, so that separators are exactly ", ", " and "
/// and ", and " with no stray whitespace from a template. Authors with a profile link to it, and
/// to "/" for the profile a single-person site shows there (<paramref name="home"/>).
/// </summary>
public static class AuthorByline
{
    public static IHtmlContent Render(IReadOnlyList<AuthorView> authors, HomeProfileView? home)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var html = Utf8Html.Encoder;
        var sb = new StringBuilder(CapacityFor(authors)).Append("<span class=\"authors\">");
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
                sb.Append("<a href=\"").Append(html.Encode(HomeProfile.PathOf(home, author.Slug))).Append("\">").Append(name).Append("</a>");
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

    // Room for the markup around each name, so that a long author list is built without regrowing.
    private static int CapacityFor(IReadOnlyList<AuthorView> authors)
    {
        var capacity = 64;
        for (var i = 0; i < authors.Count; i++)
        {
            capacity += 48 + authors[i].Name.Length + authors[i].Marks.Length + (authors[i].Slug is { } slug ? 24 + slug.Length : 0);
        }
        return capacity;
    }
}
