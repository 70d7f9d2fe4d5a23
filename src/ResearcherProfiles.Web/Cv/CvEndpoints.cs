using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Cv;

/// <summary>
/// A profile's CV as downloads: the PDF (<c>/people/{slug}/cv.pdf</c>, A4, or US Letter with
/// <c>?paper=letter</c>) and the JSON Resume (<c>/people/{slug}/resume.json</c>). Both are public
/// pages: cached like them and evicted with them when the profile changes.
/// </summary>
public static class CvEndpoints
{
    public static WebApplication MapCvDownloads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/people/{slug}/cv.pdf", async (string slug, string? authors, string? paper, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var cv = await CvContent.LoadAsync(db, slug, CvContent.ParseAuthorsShown(authors), home: null, ct);
                if (cv is null)
                {
                    return Results.NotFound();
                }
                PublicPageTags.MarkProfile(context, cv.Header.Id);
                var letter = string.Equals(paper, "letter", StringComparison.OrdinalIgnoreCase);
                context.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{cv.Header.Slug}-cv.pdf\"";
                return Results.Bytes(CvPdf.Write(cv, letter), "application/pdf");
            })
            .AllowAnonymous()
            .WithMetadata(new OutputCacheAttribute { PolicyName = PublicSiteExtensions.PublicPagesPolicy, VaryByQueryKeys = ["authors", "paper"] });
        app.MapGet("/people/{slug}/resume.json", async (string slug, AppDbContext db, [FromServices] PublicUrl site, HttpContext context, CancellationToken ct) =>
            {
                var cv = await CvContent.LoadAsync(db, slug, authorsShown: null, home: null, ct);
                if (cv is null)
                {
                    return Results.NotFound();
                }
                PublicPageTags.MarkProfile(context, cv.Header.Id);
                return Results.Bytes(Encoding.UTF8.GetBytes(JsonResume.Write(cv, site)), "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        return app;
    }
}
