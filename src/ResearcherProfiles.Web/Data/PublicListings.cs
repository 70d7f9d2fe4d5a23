using System.Linq.Expressions;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Which listings of a paper the public site shows: listed visibly, on a profile that is public
/// (not hidden, not in the trash) and whose Publications section is not hidden — the rule of the
/// profile's own publication list. A paper is public (its page, the sitemap, the feed of new
/// papers, search) while one of its listings is; hiding the section hides its papers everywhere.
/// </summary>
public static class PublicListings
{
    public static readonly Expression<Func<ProfilePublication, bool>> Shown = pp =>
        pp.IsVisible && !pp.Researcher!.IsHidden && pp.Researcher.DeletedAt == null
        && !pp.Researcher.Sections.Any(s => s.Kind == ProfileSectionKind.Publications && !s.IsVisible);
}
