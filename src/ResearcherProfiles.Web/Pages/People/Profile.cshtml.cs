using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class ProfileModel(AppDbContext db, IOptions<SiteOptions> site, PublicUrl publicUrl, HomeProfile home) : PageModel
{
    /// <summary>The page's description: the headline, else the start of About, else a sentence naming the person.</summary>
    public string Description { get; private set; } = string.Empty;

    public ResearcherHeader Header { get; private set; } = null!;

    /// <summary>The canonical address, sharing card and JSON-LD of the profile.</summary>
    public PageHead Head { get; private set; } = null!;

    /// <summary>
    /// The site is one researcher's homepage: there is no directory for interest tags to lead to.
    /// </summary>
    public bool IsSinglePersonSite { get; private set; }
    public IReadOnlyList<LinkView> Links { get; private set; } = [];
    /// <summary>The sections that have something to show, in the owner's order, with their titles and intros.</summary>
    public IReadOnlyList<ShownSection> Sections { get; private set; } = [];
    public string AboutHtml { get; private set; } = string.Empty;
    public IReadOnlyList<NewsView> News { get; private set; } = [];
    /// <summary>News items shown before "show more", as the owner chose.</summary>
    public int NewsShown { get; private set; } = SectionLayout.DefaultNewsShown;
    /// <summary>The first selected papers, at most <see cref="SiteOptions.SelectedPublicationsShown"/>.</summary>
    public IReadOnlyList<PublicationView> Highlighted { get; private set; } = [];
    /// <summary>All selected papers, shown or not.</summary>
    public int HighlightedCount { get; private set; }
    public int PublicationCount { get; private set; }
    /// <summary>The cited-by counts of every visible paper added up, when the owner shows them and any paper has one.</summary>
    public CitationTotal? Citations { get; private set; }
    /// <summary>The projects of each project section, in groups.</summary>
    public IReadOnlyDictionary<ProfileSectionKind, IReadOnlyList<ProjectGroup>> Projects { get; private set; } =
        new Dictionary<ProfileSectionKind, IReadOnlyList<ProjectGroup>>();
    public IReadOnlyList<Education> Education { get; private set; } = [];
    public IReadOnlyList<Position> Positions { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public IReadOnlyList<ServiceGroup> Service { get; private set; } = [];
    public IReadOnlyList<Talk> Talks { get; private set; } = [];
    public IReadOnlyList<IGrouping<string?, WritingItem>> Writing { get; private set; } = [];

    public string? PublicationLegend => AuthorList.Legend(Highlighted.SelectMany(p => p.Authors));

    /// <summary>The views of <paramref name="links"/>, those with an unsafe address left out.</summary>
    public static List<LinkView> LinkViews(IEnumerable<ProfileLink> links) =>
        links.Where(l => SafeUrl.IsAllowed(l.Url))
            .Select(l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url, l.Kind))
            .ToList();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not var (header, lists))
        {
            return NotFound();
        }
        // On a single-person site the home profile has one address, the site's own. A redirect is
        // never output-cached, and saving the setting evicts the pages cached before it.
        if (header.Home?.Slug == slug)
        {
            return RedirectPermanent("/" + Request.QueryString);
        }
        await ShowAsync(header, lists, ct);
        PublicPageTags.MarkProfile(HttpContext, Header.Id);
        ShowIn(ViewData);
        return Page();
    }

    /// <summary>
    /// What the layout writes for this profile — title, description, canonical address, sharing
    /// card, JSON-LD, news feed — in the view data of the page showing it: its own, or the home page's.
    /// </summary>
    public void ShowIn(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData["Title"] = Header.DisplayName;
        viewData["Description"] = Description;
        viewData.SetPageHead(Head with { Feed = Feeds.AlternateFeed.News(Header, Sections) });
    }

    /// <summary>Reads the public profile <paramref name="slug"/> into this model; false when there is none.</summary>
    public async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not var (header, lists))
        {
            return false;
        }
        await ShowAsync(header, lists, ct);
        return true;
    }

    /// <summary>
    /// The public profile <paramref name="slug"/> with its lists and first selected papers, or null:
    /// on PostgreSQL in one round trip (<see cref="ProfileRead"/>), on SQLite its fields first, then
    /// each list that holds anything.
    /// </summary>
    private async Task<(ResearcherHeader Header, ProfileLists Lists)?> FindAsync(string slug, CancellationToken ct)
    {
        // A profile that marks thousands of papers as selected still shows a bounded page; the full list is paged.
        var shown = Math.Max(1, site.Value.SelectedPublicationsShown);
        if (db.Database.IsNpgsql())
        {
            return await ProfileRead.FindAsync(db, home, slug, shown, ct);
        }
        if (await ResearcherHeader.FindAsync(db, home, slug, ct) is not { } header)
        {
            return null;
        }
        var selected = header.ShowsPublications && header.Content.SelectedPublications > 0
            ? new SelectedPapers(shown, header.ShowCitationCounts)
            : null;
        return (header, await ProfileLists.ReadAsync(db, header.Id, header.Content, selected, ct));
    }

    private async Task ShowAsync(ResearcherHeader header, ProfileLists lists, CancellationToken ct)
    {
        Header = header;
        var id = header.Id;
        var content = header.Content;
        var layout = lists.Layout;
        bool Shown(ProfileSectionKind kind) => SectionLayout.IsShown(kind, layout);

        Links = LinkViews(lists.Links);
        if (Shown(ProfileSectionKind.About))
        {
            AboutHtml = StoredMarkdown.Html(header.AboutHtml, header.RenderedWith, header.AboutMarkdown, StoredMarkdown.AboutLevel);
        }
        if (Shown(ProfileSectionKind.News))
        {
            NewsShown = SectionLayout.NewsShown(layout);
            News = lists.News
                .Select(n => new NewsView(n.Id, n.Date, StoredMarkdown.Html(n.BodyHtml, n.RenderedWith, n.BodyMarkdown, StoredMarkdown.NewsLevel)))
                .ToList();
        }
        if (Shown(ProfileSectionKind.Publications) && content.Publications > 0)
        {
            Highlighted = lists.Selected.Select(p => p.CitedFrom(header.Slug)).ToList();
            // Counted with the profile's fields: a paper selected or unselected in between cannot make "4 of 5" out of 4.
            HighlightedCount = Highlighted.Count < site.Value.SelectedPublicationsShown ? Highlighted.Count : Math.Max(Highlighted.Count, content.SelectedPublications);
            PublicationCount = content.Publications;
            // Only the owner's consent shows counts: a co-author's opt-in may have stored some for shared papers.
            // Read with the selected papers when there are any (on PostgreSQL in the same round trip).
            Citations = !header.ShowCitationCounts || PublicationCount == 0 ? null
                : lists.CitationsRead ? lists.Citations
                : await CitationTotal.ForProfileAsync(db, id, ct);
        }
        if (lists.Projects.Count > 0)
        {
            Projects = ProjectGroup.BySection(await ProjectView.ForProjectsAsync(db, id, lists.Projects, ct), layout);
        }
        if (Shown(ProfileSectionKind.Education))
        {
            Education = lists.Education;
        }
        if (Shown(ProfileSectionKind.Experience))
        {
            Positions = lists.Positions;
        }
        if (Shown(ProfileSectionKind.Awards))
        {
            Awards = lists.Awards;
        }
        if (Shown(ProfileSectionKind.Service))
        {
            Service = ServiceFolding.Fold(lists.Service);
        }
        if (Shown(ProfileSectionKind.Talks))
        {
            Talks = lists.Talks;
        }
        if (Shown(ProfileSectionKind.Writing))
        {
            Writing = lists.Writing.GroupBy(w => w.ListTitle).ToList();
        }
        Sections = layout.Where(s => s.IsVisible && HasContent(s.Kind))
            .Select(s => new ShownSection(
                s.Kind,
                // Without a title of the owner's, a list of chosen papers says so.
                s.Kind == ProfileSectionKind.Publications && s.Title is null && Highlighted.Count > 0 ? "Selected publications" : SectionLayout.TitleOf(s),
                ShownSection.IntroOf(s)))
            .ToList();

        // Saving an item records a revision but leaves the profile's own row as it was: the newest
        // revision (the index on ResearcherId, Id finds it) dates the last change.
        var lastChange = content.LastRevisionAt;
        var shown = new ProfileMetadata.Shown(header, Links, Positions, Education, Awards,
            Shown(ProfileSectionKind.About) ? header.AboutMarkdown : null,
            lastChange > header.UpdatedAt ? lastChange.Value : header.UpdatedAt);
        // On a single-person site the home profile's one address is the site's own.
        var canonical = publicUrl.Absolute(await home.PathOfAsync(header.Slug, ct));
        IsSinglePersonSite = await home.FindAsync(ct) is not null;
        var photo = header.PhotoUrl(publicUrl);
        Description = ProfileMetadata.Description(shown);
        Head = new PageHead
        {
            Canonical = canonical,
            Card = ProfileMetadata.Card(shown, photo),
            JsonLd = ProfileMetadata.JsonLd(shown, canonical, photo),
        };
    }

    private bool HasContent(ProfileSectionKind kind) => kind switch
    {
        ProfileSectionKind.About => AboutHtml.Length > 0,
        ProfileSectionKind.News => News.Count > 0,
        ProfileSectionKind.Publications => PublicationCount > 0,
        ProfileSectionKind.Education => Education.Count > 0,
        ProfileSectionKind.Experience => Positions.Count > 0,
        ProfileSectionKind.Awards => Awards.Count > 0,
        ProfileSectionKind.Service => Service.Count > 0,
        ProfileSectionKind.Talks => Talks.Count > 0,
        ProfileSectionKind.Skills => Header.Skills.Count > 0,
        ProfileSectionKind.Writing => Writing.Count > 0,
        _ => Projects.ContainsKey(kind),
    };

    public sealed record NewsView(int Id, PartialDate Date, string BodyHtml);
}

/// <summary>A section of a public profile or CV as shown: its kind, the title the owner gave it and its intro.</summary>
public sealed record ShownSection(ProfileSectionKind Kind, string Title, string? IntroHtml)
{
    /// <summary>The id of the section's heading.</summary>
    public string HeadingId => SectionLayout.HeadingId(Kind);

    /// <summary>A section's intro HTML, as stored with it when it is.</summary>
    public static string? IntroOf(ProfileSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return string.IsNullOrWhiteSpace(section.IntroMarkdown) ? null
            : StoredMarkdown.Html(section.IntroHtml, section.RenderedWith, section.IntroMarkdown, StoredMarkdown.SectionIntroLevel);
    }
}

/// <summary>
/// Projects under one group heading ("Optimization for deep learning"), or without one. Groups come
/// in the order of their first project in the owner's list; projects without a group come first.
/// </summary>
public sealed record ProjectGroup(string? Name, IReadOnlyList<ProjectView> Projects)
{
    public static IReadOnlyList<ProjectGroup> Of(IEnumerable<ProjectView> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return projects.GroupBy(p => p.Project.Group)
            .OrderBy(g => g.Key is not null)
            .Select(g => new ProjectGroup(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>The projects of each section that shows any, grouped; projects whose section is hidden are left out.</summary>
    public static IReadOnlyDictionary<ProfileSectionKind, IReadOnlyList<ProjectGroup>> BySection(
        IReadOnlyList<ProjectView> projects, IReadOnlyList<ProfileSection> layout)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return projects
            .Select(p => (Section: SectionLayout.SectionShowing(p.Project.Kind, layout), View: p))
            .Where(p => p.Section is not null)
            .GroupBy(p => p.Section!.Value)
            .ToDictionary(g => g.Key, g => Of(g.Select(p => p.View)));
    }
}

/// <summary>The profile's own fields, shared by the profile and publication-list pages.</summary>
public sealed record ResearcherHeader(
    int Id,
    string Slug,
    string DisplayName,
    string? Pronouns,
    string? Headline,
    string? Affiliation,
    string? Location,
    string? PhotoPath,
    string? Email,
    string? Phone,
    string? Website,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Skills,
    string? AboutMarkdown,
    string? AboutHtml,
    string? PublicationsNote,
    string? PublicationsNoteHtml,
    int? RenderedWith,
    bool ShowCitationCounts,
    bool OfferCv,
    bool ShowsPublications,
    string? GivenName,
    string FamilyName,
    IReadOnlyList<string> NameVariants,
    DateTimeOffset UpdatedAt,
    VisibleContent Content,
    string? HomeSlug,
    string? HomeName)
{
    /// <summary>The public profile <paramref name="slug"/>, or null (for pages without the site's layout).</summary>
    public static Task<ResearcherHeader?> FindAsync(AppDbContext db, string slug, CancellationToken ct) => Find.For(db)(db, slug, string.Empty, ct);

    /// <summary>
    /// The public profile <paramref name="slug"/>, or null; <paramref name="home"/> learns the site's
    /// home profile from the same query, which the layout of the profile's page asks for.
    /// </summary>
    public static async Task<ResearcherHeader?> FindAsync(AppDbContext db, HomeProfile home, string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(home);
        // One connection for the page's queries (the context closes it when the request ends):
        // opened and closed around each query, every one took the pool's lock and, on SQLite, ran
        // the connection's set-up statements again.
        await db.Database.OpenConnectionAsync(ct);
        var header = await Find.For(db)(db, slug, home.ConfiguredSlug ?? string.Empty, ct);
        if (header is not null)
        {
            home.ReadWith(header.Home);
        }
        return header;
    }

    /// <summary>The home profile read with this one, as <see cref="HomeProfile.FindAsync"/> answers it.</summary>
    public HomeProfileView? Home => HomeSlug is null ? null : new HomeProfileView(HomeSlug, HomeName!);

    // Compiled: every uncached public page of a profile starts here. The home profile, which the
    // layout of every page asks for, comes with it as two lookups by key rather than a query of its
    // own: the administrator's choice once the settings are saved, else the configured slug (an
    // empty one is no profile's). HomeProfile reads it the same way on pages of no profile.
    private static readonly CompiledQuery<Func<AppDbContext, string, string, CancellationToken, Task<ResearcherHeader?>>> Find = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string slug, string configuredHome, CancellationToken ct) => db.Researchers
            .Where(r => r.Slug == slug && !r.IsHidden && r.DeletedAt == null)
            .Select(r => new ResearcherHeader(
                r.Id, r.Slug, r.DisplayName, r.Pronouns, r.Headline, r.Affiliation, r.Location, r.PhotoPath,
                r.ShowEmail ? r.Email : null,
                r.ShowPhone ? r.Phone : null,
                r.Website, r.Interests, r.Skills, r.AboutMarkdown, r.AboutHtml, r.PublicationsNote, r.PublicationsNoteHtml, r.RenderedWith, r.ShowCitationCounts, r.OfferCv,
                // The full list and its downloads go with the profile's Publications section when the owner hides it.
                !r.Sections.Any(s => s.Kind == ProfileSectionKind.Publications && !s.IsVisible),
                r.GivenName, r.FamilyName, r.NameVariants, r.UpdatedAt,
                new VisibleContent(
                    r.Links.Any(l => l.IsVisible),
                    r.News.Any(n => n.IsVisible),
                    r.Publications.Count(p => p.IsVisible),
                    r.Publications.Count(p => p.IsVisible && p.IsHighlighted),
                    r.Projects.Any(p => p.IsVisible),
                    r.Education.Any(e => e.IsVisible),
                    r.Positions.Any(p => p.IsVisible),
                    r.Awards.Any(a => a.IsVisible),
                    r.Service.Any(s => s.IsVisible),
                    r.Talks.Any(t => t.IsVisible),
                    r.Writing.Any(w => w.IsVisible),
                    db.Revisions.Where(v => v.ResearcherId == r.Id).OrderByDescending(v => v.Id).Select(v => (DateTimeOffset?)v.At).FirstOrDefault()),
                db.SiteSettings.Any()
                    ? db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.HomeProfile!)
                        .Where(h => !h.IsHidden && h.DeletedAt == null).Select(h => h.Slug).FirstOrDefault()
                    : db.Researchers.Where(h => h.Slug == configuredHome && !h.IsHidden && h.DeletedAt == null).Select(h => h.Slug).FirstOrDefault(),
                db.SiteSettings.Any()
                    ? db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.HomeProfile!)
                        .Where(h => !h.IsHidden && h.DeletedAt == null).Select(h => h.DisplayName).FirstOrDefault()
                    : db.Researchers.Where(h => h.Slug == configuredHome && !h.IsHidden && h.DeletedAt == null).Select(h => h.DisplayName).FirstOrDefault()))
            .FirstOrDefault()));

    /// <summary>The publications note as the profile shows it.</summary>
    public string PublicationsNoteOnProfile => StoredMarkdown.Html(PublicationsNoteHtml, RenderedWith, PublicationsNote, StoredMarkdown.PublicationsNoteLevel);

    public string? SafeWebsite => SafeUrl.IsHttpUrl(Website) ? Website : null;

    /// <summary>The photo's absolute address: a stored photo is a site path, an imported one may be an https address.</summary>
    public string? PhotoUrl(PublicUrl site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return PhotoPath switch
        {
            null => null,
            _ when SafeUrl.IsHttpUrl(PhotoPath) => PhotoPath,
            _ when PhotoPath.StartsWith('/') && !PhotoPath.StartsWith("//", StringComparison.Ordinal) => site.Absolute(PhotoPath),
            _ => null,
        };
    }

    public string WebsiteText => SafeWebsite is null ? string.Empty : new Uri(SafeWebsite).Host + new Uri(SafeWebsite).AbsolutePath.TrimEnd('/');
}

/// <summary>
/// Which of a profile's lists hold anything a visitor may see, its papers' numbers and its newest
/// revision: read with the profile's own fields (one query), so that a page reads no list that is
/// empty. Most profiles fill a few of their sections, and each list read is a query of its own.
/// </summary>
public sealed record VisibleContent(
    bool Links,
    bool News,
    int Publications,
    int SelectedPublications,
    bool Projects,
    bool Education,
    bool Positions,
    bool Awards,
    bool Service,
    bool Talks,
    bool Writing,
    DateTimeOffset? LastRevisionAt);

public sealed record ProjectView(
    Project Project,
    bool HasNarrative,
    IReadOnlyList<LinkView> Links,
    IReadOnlyList<(int Id, string Title)> RelatedPublications)
{
    /// <summary>
    /// The address of a project's own page, /people/{slug}/projects/{id}-{title words}: the number
    /// finds the project, the words (from its title, like a paper's) make the link readable.
    /// </summary>
    public static string PathFor(string profileSlug, int id, string title)
    {
        var words = PaperSlug.For(title);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture) + (words.Length == 0 ? string.Empty : "-" + words);
        return $"/people/{profileSlug}/projects/{key}";
    }

    /// <summary>The links of the projects <paramref name="links"/> selects, by project, in order, those with an unsafe address left out.</summary>
    public static async Task<ILookup<int, LinkView>> LinksAsync(IQueryable<ProjectLink> links, CancellationToken ct) =>
        (await links.OrderBy(l => l.SortOrder).Select(l => new { l.ProjectId, l.Kind, l.Label, l.Url }).ToListAsync(ct))
            .Where(l => SafeUrl.IsAllowed(l.Url))
            .ToLookup(l => l.ProjectId, l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url));

    public static async Task<IReadOnlyList<ProjectView>> ForProfileAsync(AppDbContext db, int researcherId, CancellationToken ct) =>
        await ForProjectsAsync(db, researcherId, await VisibleItems.OfAsync<Project>(db, researcherId, ct), ct);

    /// <summary>The views of the profile's visible <paramref name="projects"/>, read already: their links and related papers.</summary>
    public static async Task<IReadOnlyList<ProjectView>> ForProjectsAsync(AppDbContext db, int researcherId, IReadOnlyList<Project> projects, CancellationToken ct)
    {
        if (projects.Count == 0)
        {
            return [];
        }
        var links = await LinksAsync(db.ProjectLinks.Where(l => l.Project!.ResearcherId == researcherId && l.Project.IsVisible), ct);
        // Related papers are listed only when the owner shows them on the profile.
        var related = (await db.ProjectPublications
                .Where(pp => pp.Project!.ResearcherId == researcherId && pp.Project.IsVisible
                    && pp.Publication!.Profiles.Any(p => p.ResearcherId == researcherId && p.IsVisible))
                .OrderBy(pp => pp.SortOrder)
                .Select(pp => new { pp.ProjectId, pp.PublicationId, pp.Publication!.Title })
                .ToListAsync(ct))
            .ToLookup(r => r.ProjectId, r => (r.PublicationId, r.Title));
        return projects
            .Select(p => new ProjectView(p, !string.IsNullOrWhiteSpace(p.NarrativeMarkdown), links[p.Id].ToList(), related[p.Id].ToList()))
            .ToList();
    }
}
