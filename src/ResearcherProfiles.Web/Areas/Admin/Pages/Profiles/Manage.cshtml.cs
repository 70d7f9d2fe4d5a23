using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages.Profiles;

/// <summary>One profile as an administrator manages it: its owner, whether the public sees it, and the trash.</summary>
public class ManageModel(AppDbContext db, UserManager<AppUser> users, IOutputCacheStore publicPages) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The owner's account id; empty for no owner.</summary>
    [BindProperty]
    public string? OwnerId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public ProfileSummary Profile { get; private set; } = null!;
    public List<SelectListItem> OwnerChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        OwnerId = Profile.OwnerId;
        return Page();
    }

    public Task<IActionResult> OnPostOwnerAsync(CancellationToken ct) => SaveAgain.OnConflictAsync(db, () => ChangeOwnerAsync(ct));

    private async Task<IActionResult> ChangeOwnerAsync(CancellationToken ct)
    {
        var researcher = await FindActiveAsync(ct);
        if (researcher is null)
        {
            return NotFound();
        }
        var ownerId = string.IsNullOrEmpty(OwnerId) ? null : OwnerId;
        if (ownerId is not null && await AdminQueries.OwnerProblemAsync(db, ownerId, researcher.Id, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(OwnerId), problem);
            await LoadAsync(ct);
            return Page();
        }
        researcher.OwnerId = ownerId;
        db.RecordUnder(researcher.Id, users, User);
        await db.SaveChangesAsync(ct);
        StatusMessage = ownerId is null ? "The profile has no owner now." : "The profile's owner is changed.";
        return RedirectToPage(new { Id });
    }

    public Task<IActionResult> OnPostHideAsync(CancellationToken ct) => ChangeAsync(r => r.IsHidden = true, "The profile is hidden from the public site.", ct);

    public Task<IActionResult> OnPostUnhideAsync(CancellationToken ct) => ChangeAsync(r => r.IsHidden = false, "The profile is shown on the public site again.", ct);

    public async Task<IActionResult> OnPostTrashAsync(CancellationToken ct)
    {
        var result = await ChangeAsync(r => r.DeletedAt = DateTimeOffset.UtcNow, "The profile is in the trash: it is gone from the public site and the editor until restored.", ct);
        return result is NotFoundResult ? result : RedirectToPage("/Trash/Index");
    }

    private Task<IActionResult> ChangeAsync(Action<Researcher> change, string message, CancellationToken ct) =>
        SaveAgain.OnConflictAsync(db, () => ChangeOnceAsync(change, message, ct));

    private async Task<IActionResult> ChangeOnceAsync(Action<Researcher> change, string message, CancellationToken ct)
    {
        var researcher = await FindActiveAsync(ct);
        if (researcher is null)
        {
            return NotFound();
        }
        change(researcher);
        db.RecordUnder(researcher.Id, users, User);
        await db.SaveChangesAsync(ct);
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        StatusMessage = message;
        return RedirectToPage(new { Id });
    }

    /// <summary>The profile, tracked for a change; trashed profiles are changed only through the trash.</summary>
    private Task<Researcher?> FindActiveAsync(CancellationToken ct) =>
        db.Researchers.AsTracking().FirstOrDefaultAsync(r => r.Id == Id && r.DeletedAt == null, ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var profile = await db.Researchers.Where(r => r.Id == Id)
            .Select(r => new ProfileSummary(r.Id, r.Slug, r.DisplayName, r.OwnerId, r.Owner == null ? null : r.Owner.Email, r.IsHidden, r.DeletedAt != null))
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            return false;
        }
        Profile = profile;
        OwnerChoices = await AdminQueries.OwnerChoicesAsync(db, profile.OwnerId, ct);
        return true;
    }

    public sealed record ProfileSummary(int Id, string Slug, string DisplayName, string? OwnerId, string? OwnerEmail, bool IsHidden, bool IsTrashed);
}
