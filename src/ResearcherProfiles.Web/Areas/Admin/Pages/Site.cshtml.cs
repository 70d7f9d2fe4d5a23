using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages;

/// <summary>
/// The site's settings: whether the home page is the directory of researchers or one researcher's
/// profile (a single-person site). The choice is one row, saved against the version the form was
/// opened with, so that two administrators never overwrite each other unawares.
/// </summary>
public class SiteModel(AppDbContext db, IOptions<SiteOptions> site, IOutputCacheStore publicPages) : PageModel
{
    public const int AddressMaxLength = 300;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>What the home page shows now, in words.</summary>
    public string CurrentState { get; private set; } = string.Empty;

    /// <summary>Why the chosen profile is not on the home page now (hidden, in the trash, unknown); null when nothing is wrong.</summary>
    public string? HomeProblem { get; private set; }

    /// <summary>Set when a save was refused because someone else saved the settings since the form was opened.</summary>
    public bool Stale { get; private set; }

    public enum HomePage
    {
        Directory,
        Profile,
    }

    public sealed class InputModel
    {
        public HomePage Home { get; set; }

        [Display(Name = "Profile address")]
        [StringLength(AddressMaxLength, ErrorMessage = "A profile's address is at most {1} characters.")]
        public string? ProfileAddress { get; set; }

        /// <summary>The settings' version when the form was opened; 0 while none were ever saved.</summary>
        public int Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => new { s.Version, Slug = s.HomeProfile == null ? null : s.HomeProfile.Slug })
            .FirstOrDefaultAsync(ct);
        var configured = ConfiguredSlug;
        var slug = settings is null ? configured : settings.Slug;
        Input = new InputModel
        {
            Home = slug is null ? HomePage.Directory : HomePage.Profile,
            ProfileAddress = slug,
            Version = settings?.Version ?? 0,
        };
        await DescribeAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Researcher? chosen = null;
        if (ModelState.IsValid && Input.Home == HomePage.Profile)
        {
            chosen = await ChosenProfileAsync(ct);
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(ct);
            return Page();
        }

        var settings = await SiteSettingsRow.ForChangeAsync(db, ct);
        if (Input.Version != SiteSettingsRow.ShownVersion(db, settings))
        {
            return await StaleAsync(ct);
        }
        settings.HomeProfileId = chosen?.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved first: the row changed (concurrency token) or was just created.
            db.ChangeTracker.Clear();
            return await StaleAsync(ct);
        }
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        StatusMessage = chosen is null
            ? "The home page shows the directory of researchers now."
            : $"The home page shows the profile of {chosen.DisplayName} now, and /people/{chosen.Slug} leads there.";
        return RedirectToPage();
    }

    private async Task<IActionResult> StaleAsync(CancellationToken ct)
    {
        Stale = true;
        // Saving again replaces what the other administrator chose.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        Input.Version = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.Version).FirstOrDefaultAsync(ct);
        await DescribeAsync(ct);
        return Page();
    }

    /// <summary>The public profile the form names, or null with a message next to the field.</summary>
    private async Task<Researcher?> ChosenProfileAsync(CancellationToken ct)
    {
        const string field = $"{nameof(Input)}.{nameof(Input.ProfileAddress)}";
        var slug = ProfileSlug.FromAddress(Input.ProfileAddress);
        if (slug.Length == 0)
        {
            ModelState.AddModelError(field, "Enter the address of the profile the home page shows, such as ada-lovelace.");
            return null;
        }
        var researcher = await db.Researchers.FirstOrDefaultAsync(r => r.Slug == slug, ct);
        var problem = researcher switch
        {
            null => $"No profile has the address “{slug}”. Check it on the profile's page or in the list of profiles.",
            { DeletedAt: not null } => $"The profile “{slug}” is in the trash; restore it first, or choose another.",
            { IsHidden: true } => $"The profile “{slug}” is hidden from the public site; show it first, or choose another.",
            _ => null,
        };
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
            return null;
        }
        return researcher;
    }

    private string? ConfiguredSlug =>
        string.IsNullOrWhiteSpace(site.Value.HomeProfile) ? null : ProfileSlug.FromAddress(site.Value.HomeProfile);

    /// <summary>Says what the home page shows now, and why not the chosen profile if it cannot.</summary>
    private async Task DescribeAsync(CancellationToken ct)
    {
        var settings = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => new { s.HomeProfileId })
            .FirstOrDefaultAsync(ct);
        var configured = ConfiguredSlug;
        var source = settings is null && configured is not null ? $" (set by {SiteOptions.HomeProfileKey} in the configuration until you save here)" : string.Empty;
        if (settings?.HomeProfileId is null && (settings is not null || configured is null))
        {
            CurrentState = "The home page shows the directory of researchers.";
            return;
        }
        var chosen = settings?.HomeProfileId is { } id ? db.Researchers.Where(r => r.Id == id) : db.Researchers.Where(r => r.Slug == configured);
        var profile = await chosen
            .Select(r => new { r.Slug, r.DisplayName, r.IsHidden, Trashed = r.DeletedAt != null })
            .FirstOrDefaultAsync(ct);
        HomeProblem = profile switch
        {
            null => $"No profile has the address “{configured}”{source}, so visitors see the directory of researchers.",
            { Trashed: true } => $"The chosen profile, {profile.DisplayName}, is in the trash, so visitors see the directory of researchers until it is restored or you choose another.",
            { IsHidden: true } => $"The chosen profile, {profile.DisplayName}, is hidden from the public site, so visitors see the directory of researchers until it is shown again or you choose another.",
            _ => null,
        };
        CurrentState = HomeProblem is null
            ? $"The home page shows the profile of {profile!.DisplayName}{source}; the directory is hidden."
            : "The home page shows the directory of researchers.";
    }
}
