using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Web.Pages.People;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Feeds;

/// <summary>One address of the sitemap: a path of the site and when its page last changed, if known.</summary>
public sealed record SitemapUrl(string Path, DateTimeOffset? LastModified);

/// <summary>
/// The public addresses of the site in six parts, each listed in a stable order so that a part can
/// be cut into files of a bounded size: the directory's pages, the profiles, their publication
/// lists, their CVs, the paper pages and the project pages. Each part is one query that projects
/// only the columns it writes and is read row by row, so a site of hundreds of thousands of papers
/// is never held in memory. The rules are the pages' own: hidden and trashed profiles, hidden
/// sections and hidden items have no page, so they have no address here. On a single-person site
/// (<paramref name="homeSlug"/>) the directory is that profile at "/", which is its only address.
/// </summary>
public sealed class Sitemap(AppDbContext db, int directoryPageSize, string? homeSlug = null)
{
    public enum Part
    {
        Directory,
        Profiles,
        Lists,
        Cvs,
        Papers,
        Projects,
    }

    /// <summary>The part's name in the addresses of its files: /sitemaps/papers-2.xml.</summary>
    public static string NameOf(Part part) => part.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Part part)
    {
        foreach (var candidate in Enum.GetValues<Part>())
        {
            if (NameOf(candidate) == name)
            {
                part = candidate;
                return true;
            }
        }
        part = default;
        return false;
    }

    private IQueryable<Researcher> VisibleResearchers => db.Researchers.Where(r => !r.IsHidden && r.DeletedAt == null);

    /// <summary>Profiles with an address of their own: every visible one but the home profile, whose address is "/".</summary>
    private IQueryable<Researcher> ProfilesAtTheirAddress => homeSlug is null ? VisibleResearchers : VisibleResearchers.Where(r => r.Slug != homeSlug);

    /// <summary>The number of addresses in <paramref name="part"/>.</summary>
    public async Task<int> CountAsync(Part part, CancellationToken ct) => part switch
    {
        // The first page of the directory exists even when it lists nobody; a single-person site has only "/".
        Part.Directory => homeSlug is not null ? 1 : Math.Max(1, (await VisibleResearchers.CountAsync(ct) + directoryPageSize - 1) / directoryPageSize),
        Part.Profiles => await ProfilesAtTheirAddress.CountAsync(ct),
        Part.Lists => await WithPublicationList.CountAsync(ct),
        Part.Cvs => await VisibleResearchers.CountAsync(r => r.OfferCv, ct),
        Part.Papers => await PublicPapers.CountAsync(ct),
        _ => await PublicProjects.CountAsync(ct),
    };

    /// <summary>The addresses of <paramref name="part"/> from the <paramref name="skip"/>th on, at most <paramref name="take"/> of them.</summary>
    public IAsyncEnumerable<SitemapUrl> UrlsAsync(Part part, int skip, int take, CancellationToken ct) => part switch
    {
        Part.Directory when homeSlug is not null => ProfilePagesAsync(VisibleResearchers.Where(r => r.Slug == homeSlug), _ => "/", skip, take, ct),
        Part.Directory => DirectoryAsync(skip, take, ct),
        Part.Profiles => ProfilePagesAsync(ProfilesAtTheirAddress, slug => $"/people/{slug}", skip, take, ct),
        Part.Lists => ProfilePagesAsync(WithPublicationList, slug => $"/people/{slug}/publications", skip, take, ct),
        Part.Cvs => ProfilePagesAsync(VisibleResearchers.Where(r => r.OfferCv), slug => $"/people/{slug}/cv", skip, take, ct),
        Part.Papers => PapersAsync(skip, take, ct),
        _ => ProjectsAsync(skip, take, ct),
    };

    /// <summary>Profiles whose full publication list has a page: Publications not hidden, and a paper to show.</summary>
    private IQueryable<Researcher> WithPublicationList => VisibleResearchers.Where(r =>
        !r.Sections.Any(s => s.Kind == ProfileSectionKind.Publications && !s.IsVisible)
        && r.Publications.Any(pp => pp.IsVisible));

    /// <summary>Papers a public profile shows, each once however many profiles list it (as PaperModel decides).</summary>
    private IQueryable<Publication> PublicPapers => db.Publications.Where(p => p.Profiles.AsQueryable().Any(PublicListings.Shown));

    private IQueryable<Project> PublicProjects => db.Projects
        .Where(p => p.IsVisible && !p.Researcher!.IsHidden && p.Researcher.DeletedAt == null)
        .Where(ShownInLayout());

    /// <summary>
    /// <see cref="SectionLayout.SectionShowing"/> as a query: a project kind made a section of its
    /// own shows while that section does; otherwise while neither its own row nor Projects is hidden.
    /// </summary>
    private static Expression<Func<Project, bool>> ShownInLayout()
    {
        var project = Expression.Parameter(typeof(Project), "p");
        Expression? any = null;
        foreach (var kind in Enum.GetValues<ProjectKind>())
        {
            var own = SectionLayout.SectionOf(kind);
            Expression<Func<Project, bool>> rule = p => p.Kind == kind
                && !p.Researcher!.Sections.Any(s => s.Kind == own && s.OwnSection && !s.IsVisible)
                && (p.Researcher.Sections.Any(s => s.Kind == own && s.OwnSection)
                    || (!p.Researcher.Sections.Any(s => s.Kind == own && !s.IsVisible)
                        && !p.Researcher.Sections.Any(s => s.Kind == ProfileSectionKind.Projects && !s.IsVisible)));
            var body = new ParameterSwap(rule.Parameters[0], project).Visit(rule.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return Expression.Lambda<Func<Project, bool>>(any!, project);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private async IAsyncEnumerable<SitemapUrl> DirectoryAsync(int skip, int take, [EnumeratorCancellation] CancellationToken ct)
    {
        // A page of the directory changes when one of the profiles it lists does: its date is theirs, newest.
        var page = skip;
        var onPage = 0;
        DateTimeOffset? newest = null;
        var rows = VisibleResearchers
            .OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id)
            .Skip(skip * directoryPageSize).Take(take * directoryPageSize)
            .Select(r => r.UpdatedAt)
            .AsAsyncEnumerable();
        await foreach (var updated in rows.WithCancellation(ct))
        {
            newest = newest is null || updated > newest ? updated : newest;
            if (++onPage == directoryPageSize)
            {
                yield return new SitemapUrl(DirectoryPath(++page), newest);
                onPage = 0;
                newest = null;
            }
        }
        if (onPage > 0 || page == 0)
        {
            yield return new SitemapUrl(DirectoryPath(++page), newest);
        }
    }

    private static string DirectoryPath(int page) => page == 1 ? "/" : $"/?page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// One page per profile. A profile's pages change with any save to it, which its history
    /// records, or with its basics: the later of the two is their date.
    /// </summary>
    private async IAsyncEnumerable<SitemapUrl> ProfilePagesAsync(
        IQueryable<Researcher> researchers, Func<string, string> path, int skip, int take, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = researchers.OrderBy(r => r.Id).Skip(skip).Take(take)
            .Select(r => new
            {
                r.Slug,
                r.UpdatedAt,
                LastSaved = db.Revisions.Where(v => v.ResearcherId == r.Id).OrderByDescending(v => v.Id).Select(v => (DateTimeOffset?)v.At).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl(path(row.Slug), Later(row.UpdatedAt, row.LastSaved));
        }
    }

    private async IAsyncEnumerable<SitemapUrl> PapersAsync(int skip, int take, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = PublicPapers.OrderBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new { p.Id, p.Title, p.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl(PaperModel.PathFor(row.Id, row.Title), row.UpdatedAt);
        }
    }

    /// <summary>A project has no date of its own: its page changes with its profile's saves.</summary>
    private async IAsyncEnumerable<SitemapUrl> ProjectsAsync(int skip, int take, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = PublicProjects.OrderBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Researcher!.Slug,
                p.Researcher.UpdatedAt,
                LastSaved = db.Revisions.Where(v => v.ResearcherId == p.ResearcherId).OrderByDescending(v => v.Id).Select(v => (DateTimeOffset?)v.At).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl(ProjectView.PathFor(row.Slug, row.Id, row.Title), Later(row.UpdatedAt, row.LastSaved));
        }
    }

    private static DateTimeOffset Later(DateTimeOffset updated, DateTimeOffset? saved) =>
        saved is { } s && s > updated ? s : updated;
}
