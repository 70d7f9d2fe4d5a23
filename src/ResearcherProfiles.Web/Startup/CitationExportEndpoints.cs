using ResearcherProfiles.Web.Hosting;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A profile's publication list as citation files for reference managers: BibTeX, RIS and CSL-JSON,
/// with the papers the profile shows, in the profile's order; and each of those papers' BibTeX
/// citation on its own, which the "Cite" blocks of the profile and its list link to instead of
/// carrying it in the page.
/// </summary>
public static class CitationExportEndpoints
{
    /// <summary>The address of one paper's BibTeX citation as a profile shows it: /people/{slug}/publications/{id}.bib.</summary>
    public static string CitationPath(string profileSlug, int publicationId) =>
        $"/people/{profileSlug}/publications/{publicationId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.bib";

    private sealed record Format(string Extension, string ContentType, Func<IReadOnlyList<ProfilePublication>, string> Write);

    private static readonly Format[] Formats =
    [
        new("bib", "application/x-bibtex; charset=utf-8", entries =>
        {
            // The profile's highlighted papers keep their mark when the file is imported again.
            var highlighted = entries.Where(e => e.IsHighlighted).Select(e => e.Publication!).ToHashSet();
            return BibtexWriter.Write(entries.Select(e => e.Publication!), isSelected: highlighted.Contains);
        }),
        new("ris", "application/x-research-info-systems; charset=utf-8", entries => RisWriter.Write(entries.Select(e => e.Publication!))),
        new("csl.json", "application/vnd.citationstyles.csl+json", entries => CslJsonWriter.Write(entries.Select(e => e.Publication!))),
    ];

    public static WebApplication MapCitationExports(this WebApplication app)
    {
        foreach (var format in Formats)
        {
            app.MapGet($"/people/{{slug}}/publications.{format.Extension}", (string slug, AppDbContext db, HttpContext context, CancellationToken ct) =>
                    ExportAsync(format, slug, db, context, ct))
                .AllowAnonymous()
                .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        }
        app.MapGet("/people/{slug}/publications/{id:int}.bib", (string slug, int id, AppDbContext db, HttpContext context, CancellationToken ct) =>
                CitationAsync(slug, id, db, context, ct))
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        return app;
    }

    /// <summary>
    /// The text of a paper's "Cite" block, written by the same code as the blocks that carry it:
    /// plain text, so that a browser shows it (to select and copy) rather than saving it.
    /// </summary>
    private static async Task<IResult> CitationAsync(string slug, int id, AppDbContext db, HttpContext context, CancellationToken ct)
    {
        // The same rule as the publication list: a hidden or trashed profile, a hidden Publications
        // section or a paper the profile does not show has no citation here.
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null || !header.ShowsPublications)
        {
            return Results.NotFound();
        }
        PublicPageTags.MarkProfile(context, header.Id);
        var paper = await PublicationQueries.LoadAsync(
            db, header.Id, PublicationQueries.Visible(db, header.Id).Where(pp => pp.PublicationId == id), withCitations: false, withBibtex: true, ct);
        return paper.Count == 0
            ? Results.NotFound()
            : Results.Bytes(Encoding.UTF8.GetBytes(paper[0].Bibtex), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> ExportAsync(Format format, string slug, AppDbContext db, HttpContext context, CancellationToken ct)
    {
        // The same visibility rule as the profile page: hidden and trashed profiles do not exist for visitors.
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null || !header.ShowsPublications)
        {
            return Results.NotFound();
        }
        PublicPageTags.MarkProfile(context, header.Id);
        // Three queries whatever the number of papers: the entries, then all their authors, then all their links.
        var entries = await db.ProfilePublications
            .Where(pp => pp.ResearcherId == header.Id && pp.IsVisible)
            .OrderBy(pp => pp.SortOrder)
            .Include(pp => pp.Publication!).ThenInclude(p => p.Authors.OrderBy(a => a.Position))
            .Include(pp => pp.Publication!).ThenInclude(p => p.Links.OrderBy(l => l.SortOrder))
            .AsSplitQuery()
            .ToListAsync(ct);
        context.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{header.Slug}-publications.{format.Extension}\"";
        return Results.Bytes(Encoding.UTF8.GetBytes(format.Write(entries)), format.ContentType);
    }
}
