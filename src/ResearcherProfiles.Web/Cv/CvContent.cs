using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Cv;

/// <summary>A section of the CV as shown: its kind, the owner's title for it and its intro (Markdown, and HTML as stored).</summary>
public sealed record CvSectionView(ProfileSectionKind Kind, string Title, string? IntroMarkdown, string? IntroHtml)
{
    /// <summary>The id of the section's heading on the CV page ("cv-publications").</summary>
    public string Anchor => "cv-" + SectionLayout.Anchor(Kind);
}

/// <summary>Entries under one sub-heading (a project group), or without one.</summary>
public sealed record CvGroup(string? Name, IReadOnlyList<CvEntry> Entries);

/// <summary>
/// One entry of a CV section as both the page and the PDF show it: a title, a line of details
/// (employer, place, kind), its dates, plain lines below and an optional description, a stored
/// Markdown text.
/// </summary>
public sealed record CvEntry(string Title, string? Meta, string? Dates, IReadOnlyList<string> Details, StoredText? Description = null, string? Url = null);

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
    /// <summary>The owner's section layout, every kind present (<see cref="SectionLayout"/>).</summary>
    public required IReadOnlyList<ProfileSection> Layout { get; init; }
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

    /// <summary>The CV of the public profile <paramref name="slug"/>; <paramref name="home"/>, for a page with the site's layout, learns the home profile from the same query.</summary>
    public static async Task<CvContent?> LoadAsync(AppDbContext db, string slug, int? authorsShown, HomeProfile? home, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var header = home is null ? await ResearcherHeader.FindAsync(db, slug, ct) : await ResearcherHeader.FindAsync(db, home, slug, ct);
        // A profile whose owner offers no CV has none to read, print or download.
        if (header is null || !header.OfferCv)
        {
            return null;
        }
        var id = header.Id;
        var content = header.Content;
        var lists = await ProfileLists.ReadAsync(db, id, content, selected: null, ct);
        // Month-less papers last within their year, as on the publication list: a bare Month would
        // leave that to the database (SQLite sorts NULL lowest, PostgreSQL highest).
        var newestFirst = PublicationQueries.Visible(db, id)
            .OrderBy(pp => pp.Publication!.Year == null)
            .ThenByDescending(pp => pp.Publication!.Year)
            .ThenByDescending(pp => pp.Publication!.Month ?? 0)
            .ThenBy(pp => pp.SortOrder)
            .ThenBy(pp => pp.PublicationId);
        return new CvContent
        {
            Header = header,
            Links = ProfileModel.LinkViews(lists.Links),
            Publications = content.Publications == 0 ? [] : await PublicationQueries.LoadAsync(db, id, newestFirst, withCitations: false, withBibtex: false, ct),
            Projects = await ProjectView.ForProjectsAsync(db, id, lists.Projects, ct),
            Layout = lists.Layout,
            Education = lists.Education,
            Positions = lists.Positions,
            Awards = lists.Awards,
            Service = ServiceFolding.Fold(lists.Service),
            Talks = lists.Talks,
            AuthorsShown = authorsShown,
        };
    }

    /// <summary>The kinds of section a CV has: the profile's, less About, News and Writing.</summary>
    public static bool IsCvSection(ProfileSectionKind kind) =>
        kind is not (ProfileSectionKind.About or ProfileSectionKind.News or ProfileSectionKind.Writing);

    /// <summary>
    /// The sections that have something to show, in the owner's order with the owner's titles. The
    /// CV lists every paper, so a title given to a selection of papers on the profile is not used for it.
    /// </summary>
    public IReadOnlyList<CvSectionView> Sections => Layout
        .Where(s => s.IsVisible && IsCvSection(s.Kind) && HasContent(s.Kind))
        .Select(s => new CvSectionView(
            s.Kind,
            s.Kind == ProfileSectionKind.Publications && Publications.Any(p => p.IsHighlighted) ? SectionLayout.DefaultTitle(s.Kind) : SectionLayout.TitleOf(s),
            s.IntroMarkdown,
            ShownSection.IntroOf(s)))
        .ToList();

    /// <summary>Whether the owner shows the section (whatever it holds).</summary>
    public bool Shows(ProfileSectionKind kind) => SectionLayout.IsShown(kind, Layout);

    /// <summary>The projects some shown section holds, in the owner's order.</summary>
    public IReadOnlyList<ProjectView> ShownProjects => Projects.Where(p => SectionLayout.SectionShowing(p.Project.Kind, Layout) is not null).ToList();

    private IReadOnlyDictionary<ProfileSectionKind, IReadOnlyList<ProjectGroup>> ProjectSections =>
        projectSections ??= ProjectGroup.BySection(Projects, Layout);

    private IReadOnlyDictionary<ProfileSectionKind, IReadOnlyList<ProjectGroup>>? projectSections;

    private bool HasContent(ProfileSectionKind kind) => kind switch
    {
        ProfileSectionKind.Publications => Publications.Count > 0,
        ProfileSectionKind.Education => Education.Count > 0,
        ProfileSectionKind.Experience => Positions.Count > 0,
        ProfileSectionKind.Awards => Awards.Count > 0,
        ProfileSectionKind.Service => Service.Count > 0,
        ProfileSectionKind.Talks => Talks.Count > 0,
        ProfileSectionKind.Skills => Header.Skills.Count > 0,
        _ => ProjectSections.ContainsKey(kind),
    };

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

    /// <summary>
    /// The entries of a list section (not publications or skills), ready for the page and the PDF:
    /// projects in their groups, every other section as one group without a name.
    /// </summary>
    public IReadOnlyList<CvGroup> Groups(ProfileSectionKind section) => section switch
    {
        ProfileSectionKind.Education => [new CvGroup(null, Education.Select(EducationEntry).ToList())],
        ProfileSectionKind.Experience => [new CvGroup(null, Positions.Select(PositionEntry).ToList())],
        ProfileSectionKind.Awards => [new CvGroup(null, Awards.Select(a => new CvEntry(a.Title, a.Issuer, a.Year?.ToString(CultureInfo.InvariantCulture), Lines(a.Note))).ToList())],
        ProfileSectionKind.Service => [new CvGroup(null, Service.Select(g => new CvEntry(g.Role, string.Join("; ", g.Venues), null, [])).ToList())],
        ProfileSectionKind.Talks => [new CvGroup(null, Talks.Select(TalkEntry).ToList())],
        _ when ProjectSections.TryGetValue(section, out var groups) =>
            groups.Select(g => new CvGroup(g.Name, g.Projects.Select(v => ProjectEntry(v.Project)).ToList())).ToList(),
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
        StoredText.Of(p.DescriptionMarkdown, p.DescriptionHtml, p.RenderedWith, StoredMarkdown.PositionLevel));

    private static CvEntry ProjectEntry(Project p) => new(
        p.Title,
        Join(p.Role, p.Institution, LinkLabels.For(p.Kind), p.Status),
        Dates(p.Start, p.End),
        Lines(p.Summary,
            p.Mentors is null ? null : $"Advisors and mentors: {p.Mentors}",
            p.Collaborators is null ? null : $"Collaborators: {p.Collaborators}"),
        StoredText.Of(p.NarrativeMarkdown, p.NarrativeHtml, p.RenderedWith, StoredMarkdown.ProjectNarrativeLevel));

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
