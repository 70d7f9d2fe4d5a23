using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class ProfileModel(AppDbContext db, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>News items shown before "show more".</summary>
    public const int NewsShown = 5;

    public ResearcherHeader Header { get; private set; } = null!;
    public IReadOnlyList<LinkView> Links { get; private set; } = [];
    public string AboutHtml { get; private set; } = string.Empty;
    public IReadOnlyList<NewsView> News { get; private set; } = [];
    /// <summary>The first selected papers, at most <see cref="SiteOptions.SelectedPublicationsShown"/>.</summary>
    public IReadOnlyList<PublicationView> Highlighted { get; private set; } = [];
    /// <summary>All selected papers, shown or not.</summary>
    public int HighlightedCount { get; private set; }
    public int PublicationCount { get; private set; }
    /// <summary>The cited-by counts of every visible paper added up, when the owner shows them and any paper has one.</summary>
    public CitationTotal? Citations { get; private set; }
    public IReadOnlyList<ProjectView> Projects { get; private set; } = [];
    public IReadOnlyList<Education> Education { get; private set; } = [];
    public IReadOnlyList<Position> Positions { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];
    public IReadOnlyList<ServiceGroup> Service { get; private set; } = [];
    public IReadOnlyList<Talk> Talks { get; private set; } = [];
    public IReadOnlyList<IGrouping<string?, WritingItem>> Writing { get; private set; } = [];

    public string? PublicationLegend => AuthorList.Legend(Highlighted.SelectMany(p => p.Authors));

    /// <summary>The profile's visible links in the owner's order, those with an unsafe address left out.</summary>
    public static async Task<IReadOnlyList<LinkView>> LinksAsync(AppDbContext db, int researcherId, CancellationToken ct) =>
        (await db.ProfileLinks.Where(l => l.ResearcherId == researcherId && l.IsVisible).OrderBy(l => l.SortOrder)
                .Select(l => new { l.Kind, l.Label, l.Url }).ToListAsync(ct))
            .Where(l => SafeUrl.IsAllowed(l.Url))
            .Select(l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url))
            .ToList();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null)
        {
            return NotFound();
        }
        Header = header;
        var id = header.Id;

        Links = await LinksAsync(db, id, ct);
        AboutHtml = MarkdownRenderer.ToHtml(header.AboutMarkdown);
        News = (await db.News.Where(n => n.ResearcherId == id && n.IsVisible)
                .OrderByDescending(n => n.Date).ThenBy(n => n.SortOrder)
                .Select(n => new { n.Id, n.Date, n.BodyMarkdown }).ToListAsync(ct))
            .Select(n => new NewsView(n.Id, n.Date, MarkdownRenderer.ToHtml(n.BodyMarkdown)))
            .ToList();
        // A profile that marks thousands of papers as selected still shows a bounded page; the full list is paged.
        var selected = PublicationQueries.Visible(db, id, highlightedOnly: true);
        Highlighted = await PublicationQueries.LoadAsync(
            db, id, selected.OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.PublicationId).Take(Math.Max(1, site.Value.SelectedPublicationsShown)),
            header.ShowCitationCounts, ct);
        HighlightedCount = Highlighted.Count < site.Value.SelectedPublicationsShown ? Highlighted.Count : await selected.CountAsync(ct);
        PublicationCount = await db.ProfilePublications.CountAsync(p => p.ResearcherId == id && p.IsVisible, ct);
        // Only the owner's consent shows counts: a co-author's opt-in may have stored some for shared papers.
        Citations = header.ShowCitationCounts && PublicationCount > 0 ? await CitationTotal.ForProfileAsync(db, id, ct) : null;
        Projects = await ProjectView.ForProfileAsync(db, id, ct);
        Education = await db.Education.Where(e => e.ResearcherId == id && e.IsVisible).OrderBy(e => e.SortOrder).ToListAsync(ct);
        Positions = await db.Positions.Where(p => p.ResearcherId == id && p.IsVisible).OrderBy(p => p.SortOrder).ToListAsync(ct);
        Awards = await db.Awards.Where(a => a.ResearcherId == id && a.IsVisible).OrderBy(a => a.SortOrder).ToListAsync(ct);
        Service = ServiceFolding.Fold(await db.ServiceRoles.Where(s => s.ResearcherId == id && s.IsVisible).ToListAsync(ct));
        Talks = await db.Talks.Where(t => t.ResearcherId == id && t.IsVisible).OrderBy(t => t.SortOrder).ToListAsync(ct);
        Writing = (await db.Writing.Where(w => w.ResearcherId == id && w.IsVisible).OrderBy(w => w.SortOrder).ToListAsync(ct))
            .GroupBy(w => w.ListTitle)
            .ToList();
        return Page();
    }

    public sealed record NewsView(int Id, PartialDate Date, string BodyHtml);
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
    string? PublicationsNote,
    bool ShowCitationCounts)
{
    public static Task<ResearcherHeader?> FindAsync(AppDbContext db, string slug, CancellationToken ct) =>
        db.Researchers
            .Where(r => r.Slug == slug && !r.IsHidden && r.DeletedAt == null)
            .Select(r => new ResearcherHeader(
                r.Id, r.Slug, r.DisplayName, r.Pronouns, r.Headline, r.Affiliation, r.Location, r.PhotoPath,
                r.ShowEmail ? r.Email : null,
                r.ShowPhone ? r.Phone : null,
                r.Website, r.Interests, r.Skills, r.AboutMarkdown, r.PublicationsNote, r.ShowCitationCounts))
            .FirstOrDefaultAsync(ct);

    public string? SafeWebsite => SafeUrl.IsHttpUrl(Website) ? Website : null;

    public string WebsiteText => SafeWebsite is null ? string.Empty : new Uri(SafeWebsite).Host + new Uri(SafeWebsite).AbsolutePath.TrimEnd('/');
}

public sealed record ProjectView(
    Project Project,
    string NarrativeHtml,
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

    public static async Task<IReadOnlyList<ProjectView>> ForProfileAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        var projects = await db.Projects.Where(p => p.ResearcherId == researcherId && p.IsVisible).OrderBy(p => p.SortOrder).ToListAsync(ct);
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
            .Select(p => new ProjectView(p, MarkdownRenderer.ToHtml(p.NarrativeMarkdown, topHeadingLevel: 4), links[p.Id].ToList(), related[p.Id].ToList()))
            .ToList();
    }
}
