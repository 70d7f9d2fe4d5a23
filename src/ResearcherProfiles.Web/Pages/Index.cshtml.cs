using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Pages.People;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// The site home: every visible researcher, alphabetically by family name, a page at a time; or, on
/// a single-person site, the home profile as its own page shows it, whatever the query asks.
/// </summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class IndexModel(AppDbContext db, IOptions<SiteOptions> site, HomeProfile home) : PageModel
{
    public Paged<DirectoryEntry> Researchers { get; private set; } = null!;

    /// <summary>The profile shown instead of the directory on a single-person site.</summary>
    public ProfileModel? Home { get; private set; }

    // "page" is also the route value naming the Razor page ("/Index"), which model binding would
    // try first: bind the page number from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (await home.FindAsync(ct) is { } chosen)
        {
            var profile = ActivatorUtilities.CreateInstance<ProfileModel>(HttpContext.RequestServices);
            if (await profile.LoadAsync(chosen.Slug, ct))
            {
                Home = profile;
                return;
            }
        }
        Researchers = await Paging.ToPageAsync(
            db.Researchers.Where(r => !r.IsHidden && r.DeletedAt == null)
                .OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id)
                .Select(r => new DirectoryEntry(r.Slug, r.DisplayName, r.Headline, r.Affiliation, r.PhotoPath, r.Interests)),
            pageNumber ?? 1, Math.Max(1, site.Value.DirectoryPageSize), ct);
    }

    public string PageUrl(int number) => number == 1 ? "/" : $"/?page={number}";

    public sealed record DirectoryEntry(string Slug, string Name, string? Headline, string? Affiliation, string? PhotoPath, IReadOnlyList<string> Interests);
}
