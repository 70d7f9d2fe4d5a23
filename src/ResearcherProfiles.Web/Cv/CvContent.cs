using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Pages;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Cv;

/// <summary>The sections of a CV, each shown only when it has visible items.</summary>
public enum CvSection
{
    Publications,
    Projects,
    Education,
    Experience,
    Awards,
    Service,
    Talks,
    Skills,
}

/// <summary>
/// The order and titles of the CV's sections: the profile page's order, kept here once so that the
/// CV page, its PDF and the JSON Resume follow the same list.
/// </summary>
public static class CvSections
{
    public static readonly IReadOnlyList<CvSection> Order =
    [
        CvSection.Publications, CvSection.Projects, CvSection.Education, CvSection.Experience,
        CvSection.Awards, CvSection.Service, CvSection.Talks, CvSection.Skills,
    ];

    public static string Title(CvSection section) => section switch
    {
        CvSection.Publications => "Publications",
        CvSection.Projects => "Projects",
        CvSection.Education => "Education",
        CvSection.Experience => "Experience",
        CvSection.Awards => "Awards",
        CvSection.Service => "Service",
        CvSection.Talks => "Talks",
        _ => "Skills",
    };

    /// <summary>The id of a section's heading on the CV page ("cv-publications").</summary>
    public static string Anchor(CvSection section) => "cv-" + section.ToString().ToLowerInvariant();
}

/// <summary>
/// One entry of a CV section as both the page and the PDF show it: a title, a line of details
/// (employer, place, kind), its dates, plain lines below and an optional Markdown description.
/// </summary>
public sealed record CvEntry(string Title, string? Meta, string? Dates, IReadOnlyList<string> Details, string? DescriptionMarkdown = null, string? Url = null);

/// <summary>
/// Everything a CV shows, read once for the CV page, its PDF and the JSON Resume, with the
/// profile's visibility rules: hidden and trashed profiles are not found, hidden items are left out,
/// email and phone only when the owner shows them (<see cref="ResearcherHeader"/>).
/// </summary>
public sealed class CvContent
{
    /// <summary>The most authors a CV may be asked to list before "et al." (<c>?authors=</c>).</summary>
    public const int MaxAuthorsShown = 1000;

    public required ResearcherHeader Header { get; init; }
    public required IReadOnlyList<LinkView> Links { get; init; }
    /// <summary>Every visible publication, newest first (undated ones last), numbered from 1 in this order.</summary>
    public required IReadOnlyList<PublicationView> Publications { get; init; }
    public required IReadOnlyList<ProjectView> Projects { get; init; }
    public required IReadOnlyList<Education> Education { get; init; }
    public required IReadOnlyList<Position> Positions { get; init; }
    public required IReadOnlyList<Award> Awards { get; init; }
    public required IReadOnlyList<ServiceGroup> Service { get; init; }
    public required IReadOnlyList<Talk> Talks { get; init; }
    /// <summary>Authors listed before "et al.", or null for every author.</summary>
    public int? AuthorsShown { get; init; }

    public string? PublicationLegend => AuthorList.Legend(Publications.SelectMany(p => p.Authors));

    /// <summary>
    /// Reads <c>?authors=N</c>: a whole number from 1 to <see cref="MaxAuthorsShown"/> shortens long
    /// author lists; anything else (missing, text, zero, huge) lists every author.
    /// </summary>
    public static int? ParseAuthorsShown(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxAuthorsShown ? n : null;

    public static async Task<CvContent?> LoadAsync(AppDbContext db, string slug, int? authorsShown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null)
        {
            return null;
        }
        var id = header.Id;
        var links = await ProfileModel.LinksAsync(db, id, ct);
        var newestFirst = PublicationQueries.Visible(db, id)
            .OrderBy(pp => pp.Publication!.Year == null)
            .ThenByDescending(pp => pp.Publication!.Year)
            .ThenByDescending(pp => pp.Publication!.Month)
            .ThenBy(pp => pp.SortOrder)
            .ThenBy(pp => pp.PublicationId);
        return new CvContent
        {
            Header = header,
            Links = links,
            Publications = await PublicationQueries.LoadAsync(db, id, newestFirst, withCitations: false, ct),
            Projects = await ProjectView.ForProfileAsync(db, id, ct),
            Education = await db.Education.Where(e => e.ResearcherId == id && e.IsVisible).OrderBy(e => e.SortOrder).ToListAsync(ct),
            Positions = await db.Positions.Where(p => p.ResearcherId == id && p.IsVisible).OrderBy(p => p.SortOrder).ToListAsync(ct),
            Awards = await db.Awards.Where(a => a.ResearcherId == id && a.IsVisible).OrderBy(a => a.SortOrder).ToListAsync(ct),
            Service = ServiceFolding.Fold(await db.ServiceRoles.Where(s => s.ResearcherId == id && s.IsVisible).ToListAsync(ct)),
            Talks = await db.Talks.Where(t => t.ResearcherId == id && t.IsVisible).OrderBy(t => t.SortOrder).ToListAsync(ct),
            AuthorsShown = authorsShown,
        };
    }

    /// <summary>The sections that have something to show, in <see cref="CvSections.Order"/>.</summary>
    public IReadOnlyList<CvSection> Sections => CvSections.Order.Where(s => s switch
    {
        CvSection.Publications => Publications.Count > 0,
        CvSection.Projects => Projects.Count > 0,
        CvSection.Education => Education.Count > 0,
        CvSection.Experience => Positions.Count > 0,
        CvSection.Awards => Awards.Count > 0,
        CvSection.Service => Service.Count > 0,
        CvSection.Talks => Talks.Count > 0,
        _ => Header.Skills.Count > 0,
    }).ToList();

    /// <summary>
    /// A paper's authors as the CV lists them: all of them, or the first <see cref="AuthorsShown"/>
    /// and "et al." — with the owner kept after the cut, so that their own place is never hidden.
    /// </summary>
    public IReadOnlyList<AuthorView> AuthorsOf(PublicationView publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var authors = publication.Authors;
        // A list stored with "et al." at its end (BibTeX's "and others") keeps it, shortened or not.
        var named = authors.Count > 0 && authors[^1].Name == AuthorList.EtAl ? authors.Take(authors.Count - 1).ToList() : authors.ToList();
        if (AuthorsShown is not int shown || named.Count <= shown)
        {
            return authors;
        }
        var kept = named.Take(shown).ToList();
        if (named.Skip(shown).FirstOrDefault(a => a.IsOwner) is { } owner)
        {
            kept.Add(owner);
        }
        kept.Add(new AuthorView(AuthorList.EtAl, null, false, false, false));
        return kept;
    }

    /// <summary>"NeurIPS 2023 · Neural Information Processing Systems · Under review": a paper's venue line.</summary>
    public static string VenueLine(PublicationView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        // "(ACL)" after the full name, unless the name says it already ("arXiv preprint", "Ph.D. thesis").
        var venue = p.VenueName is not null && p.VenueShort is not null && !p.VenueName.Contains(p.VenueShort, StringComparison.OrdinalIgnoreCase)
            ? $"{p.VenueName} ({p.VenueShort})"
            : p.VenueName ?? p.VenueShort;
        return string.Join(", ", new[] { venue, p.DateText, p.StatusText }.Where(x => !string.IsNullOrEmpty(x)));
    }

    /// <summary>The entries of every list section (not publications or skills), ready for the page and the PDF.</summary>
    public IReadOnlyList<CvEntry> Entries(CvSection section) => section switch
    {
        CvSection.Projects => Projects.Select(v => ProjectEntry(v.Project)).ToList(),
        CvSection.Education => Education.Select(EducationEntry).ToList(),
        CvSection.Experience => Positions.Select(PositionEntry).ToList(),
        CvSection.Awards => Awards.Select(a => new CvEntry(a.Title, a.Issuer, a.Year?.ToString(CultureInfo.InvariantCulture), Lines(a.Note))).ToList(),
        CvSection.Service => Service.Select(g => new CvEntry(g.Role, string.Join("; ", g.Venues), null, [])).ToList(),
        CvSection.Talks => Talks.Select(TalkEntry).ToList(),
        _ => [],
    };

    private static CvEntry EducationEntry(Education e) => new(
        e.Degree + (e.Field is null ? "" : $" in {e.Field}"),
        Join(e.Institution, e.Location),
        Dates(e.Start, e.End),
        Lines(e.Advisors is null ? null : $"Advisor: {e.Advisors}", e.Description));

    private static CvEntry PositionEntry(Position p) => new(
        p.Title ?? p.Employer,
        Join(p.Title is null ? null : p.Employer, p.Location, LinkLabels.For(p.Kind)),
        Dates(p.Start, p.End),
        [],
        p.DescriptionMarkdown);

    private static CvEntry ProjectEntry(Project p) => new(
        p.Title,
        Join(p.Role, LinkLabels.For(p.Kind), p.Status),
        Dates(p.Start, p.End),
        Lines(p.Summary,
            p.Mentors is null ? null : $"Advisors and mentors: {p.Mentors}",
            p.Collaborators is null ? null : $"Collaborators: {p.Collaborators}"),
        p.NarrativeMarkdown);

    private static CvEntry TalkEntry(Talk t) => new(
        t.Title ?? t.Host ?? "Talk",
        Join(t.Title is null ? null : t.Host, t.Location),
        t.Date?.ToDisplayString(shortMonth: true),
        [],
        null,
        SafeUrl.IsHttpUrl(t.Url) ? t.Url : null);

    private static string? Dates(PartialDate? start, PartialDate? end)
    {
        var text = DateRange.Format(start, end, "present");
        return text.Length == 0 ? null : text;
    }

    private static string? Join(params string?[] parts)
    {
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }

    private static List<string> Lines(params string?[] lines) => lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();
}
