using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Feeds;

/// <summary>
/// The feed a page announces in its head (&lt;link rel="alternate" type="application/atom+xml"&gt;),
/// as <see cref="Pages.PageHead.Feed"/>.
/// </summary>
public sealed record AlternateFeed(string Title, string Path)
{
    /// <summary>A profile's news feed, while its News section is shown; otherwise none.</summary>
    public static AlternateFeed? News(ResearcherHeader header, IEnumerable<ShownSection> sections)
    {
        ArgumentNullException.ThrowIfNull(header);
        return sections.Any(s => s.Kind == ProfileSectionKind.News)
            ? new AlternateFeed($"News of {header.DisplayName}", AtomFeeds.NewsPath(header.Slug))
            : null;
    }

    public static AlternateFeed NewestPapers(string siteName) => new($"Newest papers on {siteName}", AtomFeeds.PapersPath);
}
