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
/// with the papers the profile shows, in the profile's order.
/// </summary>
public static class CitationExportEndpoints
{
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
        return app;
    }

    private static async Task<IResult> ExportAsync(Format format, string slug, AppDbContext db, HttpContext context, CancellationToken ct)
    {
        // The same visibility rule as the profile page: hidden and trashed profiles do not exist for visitors.
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null || !header.ShowsPublications)
        {
            return Results.NotFound();
        }
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
