using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages.Trash;

/// <summary>Deleted profiles, most recently deleted first, a page at a time: restore one as it was, or go on to purge it for good.</summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users, IOutputCacheStore publicPages) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public const int PageSize = 25;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<TrashedProfile> Profiles { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var trashed = db.Researchers.Where(r => r.DeletedAt != null);
        var total = await trashed.CountAsync(ct);
        var pageCount = Paging.Count(total, PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pageCount);
        // EF cannot order SQLite's DateTimeOffset text in SQL; the stored values are all UTC
        // ("2026-11-30 02:44:33.1234567+00:00"), so their text order is their time order.
        var ids = await db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "Researchers" WHERE "DeletedAt" IS NOT NULL
                ORDER BY "DeletedAt" DESC, "Id" DESC
                LIMIT {PageSize} OFFSET {(PageNumber - 1) * PageSize}
                """)
            .ToListAsync(ct);
        var rows = await trashed.Where(r => ids.Contains(r.Id))
            .Select(r => new TrashedProfile(r.Id, r.Slug, r.DisplayName, r.Owner == null ? null : r.Owner.Email, r.DeletedAt!.Value))
            .ToDictionaryAsync(r => r.Id, ct);
        Profiles = new Paged<TrashedProfile>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), PageNumber, pageCount, total);
    }

    public string PageUrl(int number) => number == 1 ? "/admin/trash" : $"/admin/trash?page={number}";

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) => SaveAgain.OnConflictAsync(db, () => RestoreAsync(id, ct));

    private async Task<IActionResult> RestoreAsync(int id, CancellationToken ct)
    {
        var researcher = await db.Researchers.AsTracking().FirstOrDefaultAsync(r => r.Id == id && r.DeletedAt != null, ct);
        if (researcher is null)
        {
            return NotFound();
        }
        researcher.DeletedAt = null;
        db.RecordUnder(researcher.Id, users, User);
        await db.SaveChangesAsync(ct);
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        StatusMessage = $"The profile {researcher.DisplayName} is restored.";
        return RedirectToPage();
    }

    public sealed record TrashedProfile(int Id, string Slug, string DisplayName, string? OwnerEmail, DateTimeOffset DeletedAt);
}
