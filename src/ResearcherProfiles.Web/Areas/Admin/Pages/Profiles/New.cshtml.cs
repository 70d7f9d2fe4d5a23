using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages.Profiles;

/// <summary>Creates a profile for someone, optionally owned by an existing account.</summary>
public class NewModel(AppDbContext db, IOutputCacheStore publicPages) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<SelectListItem> OwnerChoices { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel : NewProfileInput
    {
        [Display(Name = "Owner")]
        public string? OwnerId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => OwnerChoices = await AdminQueries.OwnerChoicesAsync(db, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Input.CheckSlugIsFreeAsync(db, ModelState, nameof(Input), ct);
        var ownerId = string.IsNullOrEmpty(Input.OwnerId) ? null : Input.OwnerId;
        if (ownerId is not null && await AdminQueries.OwnerProblemAsync(db, ownerId, null, ct) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.OwnerId)}", problem);
        }
        if (!ModelState.IsValid)
        {
            OwnerChoices = await AdminQueries.OwnerChoicesAsync(db, null, ct);
            return Page();
        }
        var researcher = Input.ToResearcher(DateTimeOffset.UtcNow);
        researcher.OwnerId = ownerId;
        db.Researchers.Add(researcher);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (NewProfileInput.SlugTakenMeanwhile(e, ModelState, nameof(Input)))
        {
            OwnerChoices = await AdminQueries.OwnerChoicesAsync(db, null, ct);
            return Page();
        }
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        StatusMessage = $"The profile {researcher.DisplayName} is created at /people/{researcher.Slug}.";
        return RedirectToPage("/Profiles/Manage", new { id = researcher.Id });
    }
}
