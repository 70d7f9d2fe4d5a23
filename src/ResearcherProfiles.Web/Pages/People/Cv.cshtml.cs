using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Cv;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>A profile as a compact CV document, for reading, printing and as the PDF's twin.</summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy, VaryByQueryKeys = ["authors"])]
public class CvModel(AppDbContext db, PublicUrl site, HomeProfile home) : PageModel
{
    public CvContent Cv { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? authors, CancellationToken ct)
    {
        var cv = await CvContent.LoadAsync(db, slug, CvContent.ParseAuthorsShown(authors), home, ct);
        if (cv is null)
        {
            return NotFound();
        }
        Cv = cv;
        PublicPageTags.MarkProfile(HttpContext, cv.Header.Id);
        // ?authors= shortens author lists of the same document: every variant names the plain address.
        ViewData.SetPageHead(new PageHead { Canonical = site.Absolute($"/people/{cv.Header.Slug}/cv") });
        return Page();
    }
}
