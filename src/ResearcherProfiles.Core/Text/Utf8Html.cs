using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The site's one HTML encoder. The framework's default escapes every character outside Basic
/// Latin, so "Jürgen" went out as "J&amp;#xFC;rgen" and each Chinese character as eight bytes; pages
/// are sent as UTF-8, so all of Unicode can be written as itself. What makes text unsafe in HTML
/// is escaped as before: &lt; &gt; &amp; quotes, and control and unassigned characters.
/// </summary>
public static class Utf8Html
{
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);
}
