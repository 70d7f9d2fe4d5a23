using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages.People;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Feeds;

/// <summary>
/// Atom feeds (RFC 4287): a profile's news, and the papers most recently added to the site. Each
/// holds a bounded number of entries; every address in them is absolute, from the configured
/// public address, and every id is a tag: URI that stays the same when a slug or title changes.
/// </summary>
public static class AtomFeeds
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public const string PapersPath = "/papers.atom";

    public static string NewsPath(string profileSlug) => $"/people/{profileSlug}/news.atom";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The date in every tag: URI the site mints (RFC 4151): fixed, so that ids never change.</summary>
    private const string TagDate = "2026";

    /// <summary>Authors named in a paper's entry; the paper's page lists them all.</summary>
    private const int MaxAuthors = 20;

    /// <summary>The length of a news entry's title, taken from the start of its text.</summary>
    private const int NewsTitleLength = 100;

    /// <summary>A profile's visible news, newest first as the profile shows them; null when the profile or its News section is hidden.</summary>
    public static async Task<byte[]?> NewsAsync(AppDbContext db, PublicUrl site, HomeProfileView? home, string slug, int entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(site);
        var profile = await db.Researchers
            .Where(r => r.Slug == slug && !r.IsHidden && r.DeletedAt == null)
            .Select(r => new
            {
                r.Id,
                r.Slug,
                r.DisplayName,
                r.UpdatedAt,
                Section = r.Sections.Where(s => s.Kind == ProfileSectionKind.News).Select(s => new { s.IsVisible, s.Title }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (profile is null || profile.Section is { IsVisible: false })
        {
            return null;
        }
        var items = await db.News.Where(n => n.ResearcherId == profile.Id && n.IsVisible)
            .OrderByDescending(n => n.Date).ThenBy(n => n.SortOrder)
            .Take(entries)
            .Select(n => new { n.Id, n.Date, n.BodyMarkdown })
            .ToListAsync(ct);
        var savedAt = await LastSavedAsync(db, profile.Id, items.Select(i => i.Id).ToList(), ct);

        var profileUrl = site.Absolute(HomeProfile.PathOf(home, profile.Slug));
        var author = Person(profile.DisplayName, profileUrl);
        var entryElements = items.Select(item =>
        {
            var published = StartOf(item.Date);
            var updated = savedAt.TryGetValue(item.Id, out var saved) ? saved : published;
            return new
            {
                Updated = updated,
                Element = new XElement(Atom + "entry",
                    new XElement(Atom + "id", TagUri(site, $"people/{profile.Id.ToString(CultureInfo.InvariantCulture)}/news/{item.Id.ToString(CultureInfo.InvariantCulture)}")),
                    Text("title", NewsTitle(item.BodyMarkdown, item.Date)),
                    new XElement(Atom + "published", XmlText.Timestamp(published)),
                    new XElement(Atom + "updated", XmlText.Timestamp(updated)),
                    Link("alternate", "text/html", profileUrl + "#" + SectionLayout.HeadingId(ProfileSectionKind.News)),
                    author,
                    // The profile's own renderer, which shows raw HTML as text and drops unsafe links and images;
                    // relative links resolved against the profile, where the text is shown, since feed
                    // readers show it elsewhere and many ignore xml:base.
                    new XElement(Atom + "content", new XAttribute("type", "html"), XmlText.Clean(
                        MarkdownRenderer.ToHtml(item.BodyMarkdown, 3, MarkdownRenderer.Links, new Uri(profileUrl))))),
            };
        }).ToList();
        var sectionTitle = profile.Section?.Title ?? SectionLayout.DefaultTitle(ProfileSectionKind.News);
        var feed = Feed(
            site,
            TagUri(site, $"people/{profile.Id.ToString(CultureInfo.InvariantCulture)}/news"),
            $"{profile.DisplayName}: {sectionTitle}",
            NewsPath(profile.Slug),
            profileUrl,
            entryElements.Count == 0 ? profile.UpdatedAt : entryElements.Max(e => e.Updated),
            author,
            entryElements.Select(e => e.Element));
        return Serialize(feed);
    }

    /// <summary>
    /// The papers added to the site most recently (by id, which grows with every new paper) that a
    /// public profile lists visibly, with their authors and a link to each paper's page.
    /// </summary>
    public static async Task<byte[]> PapersAsync(AppDbContext db, PublicUrl site, HomeProfileView? home, string siteName, int entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(site);
        var papers = await db.Publications
            .Where(p => p.Profiles.AsQueryable().Any(PublicListings.Shown))
            .OrderByDescending(p => p.Id)
            .Take(entries)
            .Select(p => new { p.Id, p.Title, p.VenueName, p.Year, p.CreatedAt, p.UpdatedAt })
            .ToListAsync(ct);
        var ids = papers.Select(p => p.Id).ToList();
        var authors = (await db.PublicationAuthors
                .Where(a => ids.Contains(a.PublicationId) && a.Position < MaxAuthors)
                .OrderBy(a => a.PublicationId).ThenBy(a => a.Position)
                .Select(a => new
                {
                    a.PublicationId,
                    a.Name,
                    Slug = a.Researcher != null && !a.Researcher.IsHidden && a.Researcher.DeletedAt == null ? a.Researcher.Slug : null,
                })
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId);
        var entryElements = papers.Select(p =>
        {
            var summary = string.Join(", ", new[] { p.VenueName, p.Year?.ToString(CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrWhiteSpace(x)));
            return new XElement(Atom + "entry",
                new XElement(Atom + "id", TagUri(site, $"publications/{p.Id.ToString(CultureInfo.InvariantCulture)}")),
                Text("title", p.Title),
                new XElement(Atom + "published", XmlText.Timestamp(p.CreatedAt)),
                new XElement(Atom + "updated", XmlText.Timestamp(p.UpdatedAt > p.CreatedAt ? p.UpdatedAt : p.CreatedAt)),
                Link("alternate", "text/html", site.Absolute(PaperModel.PathFor(p.Id, p.Title))),
                authors[p.Id].Select(a => Person(a.Name, a.Slug is null ? null : site.Absolute(HomeProfile.PathOf(home, a.Slug)))),
                summary.Length == 0 ? null : Text("summary", summary));
        }).ToList();
        var feed = Feed(
            site,
            TagUri(site, "papers"),
            $"{siteName}: newest papers",
            PapersPath,
            site.Absolute("/"),
            papers.Count == 0 ? DateTimeOffset.UnixEpoch : papers.Max(p => p.UpdatedAt > p.CreatedAt ? p.UpdatedAt : p.CreatedAt),
            // Every entry has an author through the feed's, also a paper whose author list is empty.
            Person(siteName, site.Absolute("/")),
            entryElements);
        return Serialize(feed);
    }

    /// <summary>When each item was last saved, from the profile's history (absent for items saved before it was kept).</summary>
    private static async Task<Dictionary<int, DateTimeOffset>> LastSavedAsync(AppDbContext db, int researcherId, List<int> itemIds, CancellationToken ct)
    {
        if (itemIds.Count == 0)
        {
            return [];
        }
        // The newest revision of each item is the one with the highest id; dates are read for those alone.
        var newest = await db.Revisions
            .Where(v => v.ResearcherId == researcherId && v.EntityType == nameof(NewsItem) && itemIds.Contains(v.EntityId))
            .GroupBy(v => v.EntityId)
            .Select(g => g.Max(v => v.Id))
            .ToListAsync(ct);
        return await db.Revisions.Where(v => newest.Contains(v.Id)).ToDictionaryAsync(v => v.EntityId, v => v.At, ct);
    }

    private static XElement Feed(PublicUrl site, string id, string title, string selfPath, string alternateUrl, DateTimeOffset updated, XElement author, IEnumerable<XElement> entries) =>
        new(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "en"),
            // Relative links in rendered Markdown (/media/...) resolve against the site.
            new XAttribute(XNamespace.Xml + "base", site.Origin + "/"),
            new XElement(Atom + "id", id),
            Text("title", title),
            new XElement(Atom + "updated", XmlText.Timestamp(updated)),
            Link("self", "application/atom+xml", site.Absolute(selfPath)),
            Link("alternate", "text/html", alternateUrl),
            author,
            entries);

    private static XElement Text(string name, string text) => new(Atom + name, new XAttribute("type", "text"), XmlText.Clean(text));

    private static XElement Link(string rel, string type, string href) =>
        new(Atom + "link", new XAttribute("rel", rel), new XAttribute("type", type), new XAttribute("href", href));

    private static XElement Person(string name, string? uri) =>
        new(Atom + "author", new XElement(Atom + "name", XmlText.Clean(name)), uri is null ? null : new XElement(Atom + "uri", uri));

    /// <summary>
    /// A tag: URI (RFC 4151) under the site's host and path, e.g. tag:profiles.example.org,2026:people/12/news/34:
    /// permanent, unlike an address that holds a slug or a title.
    /// </summary>
    private static string TagUri(PublicUrl site, string specific)
    {
        var origin = new Uri(site.Origin + "/");
        var path = origin.AbsolutePath.Trim('/');
        return $"tag:{origin.Host},{TagDate}:{(path.Length == 0 ? string.Empty : path + "/")}{specific}";
    }

    /// <summary>The first day a partial date covers, at midnight UTC: 2023-05 is 1 May 2023.</summary>
    private static DateTimeOffset StartOf(PartialDate date) =>
        new(date.Year, date.Month ?? 1, date.Day ?? 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A news item's title: the start of its text, cut at a word, or its date when it has no text.</summary>
    private static string NewsTitle(string markdown, PartialDate date)
    {
        var text = string.Join(' ', MarkdownRenderer.ToPlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return date.ToDisplayString();
        }
        if (text.Length <= NewsTitleLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', NewsTitleLength);
        return string.Concat(text.AsSpan(0, cut > NewsTitleLength / 2 ? cut : NewsTitleLength), "…");
    }

    private static byte[] Serialize(XElement feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, XmlText.WriterSettings(async: false)))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        }
        return stream.ToArray();
    }
}
