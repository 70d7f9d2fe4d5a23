using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>The site home: every visible researcher, alphabetically by family name, a page at a time.</summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class IndexModel(AppDbContext db, IOptions<SiteOptions> site) : PageModel
{
    public IReadOnlyList<DirectoryEntry> Researchers { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }

    // "page" is also the route value naming the Razor page ("/Index"), which model binding would
    // try first: bind the page number from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var pageSize = Math.Max(1, site.Value.DirectoryPageSize);
        var visible = db.Researchers.Where(r => !r.IsHidden && r.DeletedAt == null);
        Total = await visible.CountAsync(ct);
        PageCount = Math.Max(1, (Total + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, PageCount);
        Researchers = await visible
            .OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new DirectoryEntry(r.Slug, r.DisplayName, r.Headline, r.Affiliation, r.PhotoPath, r.Interests))
            .ToListAsync(ct);
    }

    public string PageUrl(int number) => number == 1 ? "/" : $"/?page={number}";

    public sealed record DirectoryEntry(string Slug, string Name, string? Headline, string? Affiliation, string? PhotoPath, IReadOnlyList<string> Interests);
}
