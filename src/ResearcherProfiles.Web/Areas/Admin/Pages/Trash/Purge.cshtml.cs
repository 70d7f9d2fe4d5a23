using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages.Trash;

/// <summary>
/// Deletes a trashed profile for good, after the administrator types its slug. Its own items and
/// history go with it, and so do publications no other profile lists; shared publications stay on
/// the co-authors' profiles, with this author no longer linked. Its photo file is deleted.
/// </summary>
public class PurgeModel(AppDbContext db, IOutputCacheStore publicPages, IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public const string MismatchMessage = "Type the profile's slug exactly to confirm.";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    [Display(Name = "Slug")]
    [Required(ErrorMessage = MismatchMessage)]
    public string? Confirmation { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Candidate Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid && Confirmation?.Trim() != Profile.Slug)
        {
            ModelState.AddModelError(nameof(Confirmation), MismatchMessage);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var photoPath = await db.Researchers.Where(r => r.Id == Id).Select(r => r.PhotoPath).FirstOrDefaultAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // The database cascades the rest: the profile's items, its listings and history; a
            // deleted publication's authors and links; shared papers' author links become unlinked.
            var listed = db.ProfilePublications.Where(p => p.ResearcherId == Id).Select(p => p.PublicationId);
            await db.Publications.Where(p => listed.Contains(p.Id) && !p.Profiles.Any(pp => pp.ResearcherId != Id)).ExecuteDeleteAsync(ct);
            await db.Researchers.Where(r => r.Id == Id && r.DeletedAt != null).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        PhotoFiles.Delete(PhotoFiles.Directory(configuration, environment), photoPath);
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        StatusMessage = $"The profile {Profile.DisplayName} is purged.";
        return RedirectToPage("/Trash/Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var profile = await db.Researchers.Where(r => r.Id == Id && r.DeletedAt != null)
            .Select(r => new Candidate(r.Slug, r.DisplayName,
                r.Publications.Count(p => !p.Publication!.Profiles.Any(o => o.ResearcherId != r.Id)),
                r.Publications.Count(p => p.Publication!.Profiles.Any(o => o.ResearcherId != r.Id))))
            .FirstOrDefaultAsync(ct);
        Profile = profile!;
        return profile is not null;
    }

    public sealed record Candidate(string Slug, string DisplayName, int OwnPublications, int SharedPublications);
}
