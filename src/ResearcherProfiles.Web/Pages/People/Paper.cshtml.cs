using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// /publications/{id}/{slug}: one paper with everything known about it, and the citation metadata
/// that Google Scholar and other indexers read. A paper is public while at least one public profile
/// lists it visibly.
/// </summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class PaperModel(AppDbContext db, PublicUrl site, HomeProfile home) : PageModel
{
    public PaperView Paper { get; private set; } = null!;
    public IReadOnlyList<KeyValuePair<string, string>> CitationTags { get; private set; } = [];

    /// <summary>The most projects a paper's page lists.</summary>
    public const int MaxProjects = 20;

    public string? Legend => AuthorList.Legend(Paper.Authors);

    /// <summary>The canonical path of a paper's page; without a slug when the title has no ASCII word.</summary>
    public static string PathFor(int id, string title)
    {
        var slug = PaperSlug.For(title);
        return slug.Length == 0
            ? $"/publications/{id.ToString(CultureInfo.InvariantCulture)}"
            : $"/publications/{id.ToString(CultureInfo.InvariantCulture)}/{slug}";
    }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var paper = await LoadAsync(db, id, ct);
        if (paper is null)
        {
            return NotFound();
        }
        // One address per paper: a missing or outdated slug, or a query string (which would be
        // cached as a page of its own), moves to the canonical one.
        var path = PathFor(id, paper.Title);
        if ((slug ?? string.Empty) != PaperSlug.For(paper.Title) || Request.QueryString.HasValue)
        {
            return RedirectPermanent(path);
        }
        Paper = paper;
        PublicPageTags.MarkProfiles(HttpContext, paper.Researchers);
        // From the configured address, not the request: a forged Host header would otherwise end
        // up in the cached page that every visitor and indexer gets.
        var canonical = site.Absolute(path);
        CitationTags = PaperMetadata.CitationTags(paper);
        ViewData.SetPageHead(new PageHead
        {
            Canonical = canonical,
            Card = new SharingCard("article", paper.Title, paper.Description),
            JsonLd = PaperMetadata.JsonLd(paper, canonical, site, await home.FindAsync(ct)),
        });
        return Page();
    }

    /// <summary>The paper in four queries whatever its number of authors, links and profiles; null when it is not public.</summary>
    private static async Task<PaperView?> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var profiles = await db.ProfilePublications
            .Where(pp => pp.PublicationId == id)
            .Where(PublicListings.Shown)
            .Select(pp => new { pp.ResearcherId, pp.Researcher!.Slug, pp.Researcher.DisplayName, pp.Researcher.ShowCitationCounts })
            .ToListAsync(ct);
        if (profiles.Count == 0)
        {
            return null;
        }
        // The paper's page belongs to every profile that lists it: its count shows when one of
        // them chose to show counts, and never when none did, whatever is stored.
        var withCitation = profiles.Any(r => r.ShowCitationCounts);
        var p = await (
            from x in db.Publications.Where(x => x.Id == id)
            join c in db.CitationCounts.Where(c => withCitation && c.Count > 0) on x.Id equals c.PublicationId into counts
            from c in counts.DefaultIfEmpty()
            select new
            {
                x.Title, x.VenueName, x.VenueShort, x.Year, x.Month, x.Type, x.Status, x.Badges, x.Keywords,
                x.Summary, x.Abstract, x.Volume, x.Number, x.Pages, x.Publisher, x.Note, x.Doi, x.ArxivId, x.Url, x.CitationKey,
                CitedBy = (int?)c!.Count,
                CitedSource = c.Source,
                CitedReadAt = (DateTimeOffset?)c.ReadAt,
            })
            .SingleAsync(ct);
        var authors = await db.PublicationAuthors
            .Where(a => a.PublicationId == id)
            .OrderBy(a => a.Position)
            .Select(a => new
            {
                a.Name,
                a.ResearcherId,
                Slug = a.Researcher != null && !a.Researcher.IsHidden && a.Researcher.DeletedAt == null ? a.Researcher.Slug : null,
                a.EqualContribution,
                a.Corresponding,
            })
            .ToListAsync(ct);
        var links = (await db.PublicationLinks
                .Where(l => l.PublicationId == id)
                .OrderBy(l => l.SortOrder)
                .Select(l => new { l.Kind, l.Label, l.Url })
                .ToListAsync(ct))
            .Where(l => SafeUrl.IsAllowed(l.Url))
            .Select(l => new PaperLink(l.Kind, l.Label ?? LinkLabels.For(l.Kind), l.Url))
            .ToList();

        // Profiles of authors come in author order, then anyone else who lists the paper.
        var authorOrder = authors.Select(a => a.ResearcherId).ToList();
        var listedOn = profiles
            .OrderBy(r => authorOrder.IndexOf(r.ResearcherId) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .Select(r => new ListingProfile(r.Slug, r.DisplayName))
            .ToList();

        // The abstract is on the page already; the citation to copy stays short.
        var citation = new Publication
        {
            Title = p.Title, VenueName = p.VenueName, VenueShort = p.VenueShort, Year = p.Year, Month = p.Month,
            Type = p.Type, Status = p.Status, Badges = p.Badges, Doi = p.Doi, ArxivId = p.ArxivId, Url = p.Url,
            Volume = p.Volume, Number = p.Number, Pages = p.Pages, Publisher = p.Publisher, Note = p.Note,
            Keywords = p.Keywords, CitationKey = p.CitationKey,
            Authors = authors.Select((a, i) => new PublicationAuthor { Name = a.Name, Position = i }).ToList(),
            Links = links.Select((l, i) => new PublicationLink { Kind = l.Kind, Url = l.Url, SortOrder = i }).ToList(),
        };
        // Projects of profiles that show the paper themselves; a few at most in practice, bounded anyway.
        var projects = await db.ProjectPublications
            .Where(x => x.PublicationId == id && x.Project!.IsVisible && !x.Project.Researcher!.IsHidden && x.Project.Researcher.DeletedAt == null
                && x.Project.Researcher.Publications.Any(pp => pp.PublicationId == id && pp.IsVisible))
            .OrderBy(x => x.Project!.Researcher!.FamilyName).ThenBy(x => x.Project!.SortOrder)
            .Select(x => new { x.ProjectId, x.Project!.Title, x.Project.Kind, x.Project.ResearcherId, x.Project.Researcher!.Slug, x.Project.Researcher.DisplayName })
            .Take(MaxProjects)
            .ToListAsync(ct);
        if (projects.Count > 0)
        {
            // A project whose section its owner hides is not on the public site.
            var owners = projects.Select(x => x.ResearcherId).Distinct().ToList();
            var layouts = (await db.ProfileSections.Where(s => owners.Contains(s.ResearcherId)).ToListAsync(ct))
                .ToLookup(s => s.ResearcherId);
            projects = projects.Where(x => SectionLayout.SectionShowing(x.Kind, SectionLayout.Complete(layouts[x.ResearcherId])) is not null).ToList();
        }

        return new PaperView(
            id, p.Title,
            authors.Select(a => new AuthorView(a.Name, a.Slug, IsOwner: false, a.EqualContribution, a.Corresponding)).ToList(),
            p.VenueName, p.VenueShort, p.Year, p.Month, p.Type, p.Status, p.Badges, p.Keywords,
            p.Summary, p.Abstract, p.Volume, p.Number, p.Pages, p.Publisher, p.Note,
            p.Doi, p.ArxivId, SafeUrl.IsHttpUrl(p.Url) ? p.Url : null,
            links, listedOn)
        {
            Bibtex = BibtexWriter.WriteCitation(citation),
            Projects = projects.Select(x => new PaperProject(x.Title, ProjectView.PathFor(x.Slug, x.ProjectId, x.Title), x.DisplayName)).ToList(),
            Citation = p.CitedBy is int count ? new CitationView(count, p.CitedSource!, p.CitedReadAt!.Value) : null,
            Researchers = [.. profiles.Select(r => r.ResearcherId).Concat(authors.Where(a => a.ResearcherId is not null).Select(a => a.ResearcherId!.Value)).Distinct()],
        };
    }
}

public sealed record PaperLink(PublicationLinkKind Kind, string Label, string Url);

public sealed record ListingProfile(string Slug, string DisplayName);

/// <summary>A project that names the paper, with its page and its owner.</summary>
public sealed record PaperProject(string Title, string Path, string Owner);

/// <summary>Everything the paper page shows about one publication.</summary>
public sealed record PaperView(
    int Id,
    string Title,
    IReadOnlyList<AuthorView> Authors,
    string? VenueName,
    string? VenueShort,
    int? Year,
    int? Month,
    PublicationType Type,
    PublicationStatus Status,
    IReadOnlyList<string> Badges,
    IReadOnlyList<string> Keywords,
    string? Summary,
    string? Abstract,
    string? Volume,
    string? Number,
    string? Pages,
    string? Publisher,
    string? Note,
    string? Doi,
    string? ArxivId,
    string? Url,
    IReadOnlyList<PaperLink> Links,
    IReadOnlyList<ListingProfile> ListedOn)
{
    public string Bibtex { get; init; } = string.Empty;

    /// <summary>The projects on public profiles that name this paper among their related publications.</summary>
    public IReadOnlyList<PaperProject> Projects { get; init; } = [];

    /// <summary>The paper's cited-by count, when a profile that lists it shows counts and it has one above zero.</summary>
    public CitationView? Citation { get; init; }

    /// <summary>The researchers who list the paper publicly or are among its authors: the page shows something of each.</summary>
    public IReadOnlyList<int> Researchers { get; init; } = [];

    public string TypeText => LinkLabels.For(Type);

    public string StatusText => PublicationChoices.StatusText(Status);

    /// <summary>"May 2024" or "2024".</summary>
    public string? DateText => (Year, Month) switch
    {
        (int y, int m and >= 1 and <= 12) => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {y}",
        (int y, _) => y.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>"2024-05" or "2024", for &lt;time datetime&gt; and schema.org.</summary>
    public string? IsoDate => (Year, Month) switch
    {
        (int y, int m and >= 1 and <= 12) => $"{y:D4}-{m:D2}",
        (int y, _) => y.ToString("D4", CultureInfo.InvariantCulture),
        _ => null,
    };

    public string? DoiUrl => Doi is null ? null : IdentifierLinks.Doi(Doi);

    public string? ArxivUrl => ArxivId is null ? null : IdentifierLinks.Arxiv(ArxivId);

    /// <summary>
    /// The venue as a place of publication: only for papers that appeared (or will) at a conference,
    /// in a journal or in a book. A preprint's "arXiv" or a submission's target venue is not one.
    /// </summary>
    public string? PublishedIn =>
        Status is PublicationStatus.Published or PublicationStatus.Accepted
        && Type is PublicationType.Conference or PublicationType.Workshop or PublicationType.InvitedPaper
            or PublicationType.Journal or PublicationType.BookChapter
            ? VenueName ?? VenueShort
            : null;

    /// <summary>The first and last page of "1021–1039", "1021--1039" or "e1234".</summary>
    public (string? First, string? Last) PageRange
    {
        get
        {
            var parts = (Pages ?? string.Empty).Split(['-', '–', '—'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length switch
            {
                0 => (null, null),
                1 => (parts[0], null),
                _ => (parts[0], parts[^1]),
            };
        }
    }

    /// <summary>The first PDF link with an absolute http(s) address.</summary>
    public string? PdfUrl => Links.FirstOrDefault(l => l.Kind == PublicationLinkKind.Pdf && SafeUrl.IsHttpUrl(l.Url))?.Url;

    /// <summary>Plain text split into paragraphs at blank lines.</summary>
    public static IEnumerable<string> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A sentence or two for search results and link previews: the summary, else the start of the abstract, else the byline; one line of plain text.</summary>
    public string Description
    {
        get
        {
            var text = !string.IsNullOrWhiteSpace(Summary) ? Summary
                : !string.IsNullOrWhiteSpace(Abstract) ? Abstract
                : Authors.Count == 0 ? Title
                : $"{Title}, by {string.Concat(Authors.Select((a, i) => AuthorList.SeparatorBefore(i, Authors.Count, a.Name) + a.Name))}";
            return Excerpt.Of(text, PageHead.DescriptionLength)!;
        }
    }
}
