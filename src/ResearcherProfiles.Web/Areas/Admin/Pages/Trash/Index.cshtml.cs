using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages.Trash;

/// <summary>Deleted profiles: restore one as it was, or go on to purge it for good.</summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users, IOutputCacheStore publicPages) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<TrashedProfile> Profiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var trashed = await db.Researchers.Where(r => r.DeletedAt != null)
            .Select(r => new TrashedProfile(r.Id, r.Slug, r.DisplayName, r.Owner == null ? null : r.Owner.Email, r.DeletedAt!.Value))
            .ToListAsync(ct);
        // SQLite cannot order by DateTimeOffset; the trash is short.
        Profiles = trashed.OrderByDescending(p => p.DeletedAt).ToList();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct)
    {
        var researcher = await db.Researchers.AsTracking().FirstOrDefaultAsync(r => r.Id == id && r.DeletedAt != null, ct);
        if (researcher is null)
        {
            return NotFound();
        }
        researcher.DeletedAt = null;
        db.RecordUnder(researcher.Id, users, User);
        await db.SaveChangesAsync(ct);
        await publicPages.EvictByTagAsync(PublicSiteExtensions.PublicPagesTag, ct);
        StatusMessage = $"The profile {researcher.DisplayName} is restored.";
        return RedirectToPage();
    }

    public sealed record TrashedProfile(int Id, string Slug, string DisplayName, string? OwnerEmail, DateTimeOffset DeletedAt);
}
