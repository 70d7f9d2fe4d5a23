using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// First start: creates the first administrator through the one-time link the app logged (see
/// <see cref="FirstStartSetup"/>). Without that token, or once any account exists, the page does not exist.
/// Someone setting up their own homepage also gets their profile, owned by them and shown at /,
/// in the same transaction as the account: the site is never left half set up.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class SetupModel(FirstStartSetup setup, AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IOutputCacheStore publicPages, ILogger<SetupModel> logger) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>What the site is for: the home page the setup leaves it with.</summary>
    public enum SitePurpose
    {
        Directory,
        Homepage,
    }

    public sealed class InputModel
    {
        public SitePurpose Purpose { get; set; }

        /// <summary>The administrator's own profile, read only for <see cref="SitePurpose.Homepage"/>.</summary>
        public NewProfileInput Profile { get; set; } = new();

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [VisibleEmail]
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, MinimumLength = AccountsExtensions.MinPasswordLength,
            ErrorMessage = "Use between {2} and {1} characters. A few unrelated words make a good password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await IsOpenAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsOpenAsync(ct))
        {
            return NotFound();
        }
        const string profileKey = $"{nameof(Input)}.{nameof(Input.Profile)}";
        var homepage = Input.Purpose == SitePurpose.Homepage;
        if (homepage)
        {
            await Input.Profile.CheckSlugIsFreeAsync(db, ModelState, profileKey, ct);
        }
        else
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(profileKey + ".", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        IdentityResult? result;
        try
        {
            result = await setup.CreateFirstUserAsync(Token, users, () => CreateAsync(admin, homepage, ct), ct);
        }
        catch (DbUpdateException e) when (NewProfileInput.SlugTakenMeanwhile(e, ModelState, profileKey))
        {
            return Page();
        }
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(InputModel.Password) : nameof(InputModel.Email);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }
            return Page();
        }
        logger.LogWarning("First start: created the administrator {UserId}; the setup link no longer works.", admin.Id);
        await signIn.SignInAsync(admin, isPersistent: false);
        if (!homepage)
        {
            return LocalRedirect("/account");
        }
        // The home page may be cached as the empty directory.
        await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        TempData["StatusMessage"] = "Your site is set up, and your profile is its home page. Fill it in here; everything you save shows at once.";
        return RedirectToPage("/Edit/Index", new { slug = Input.Profile.Slug });
    }

    /// <summary>The administrator, and for a homepage their profile as the home page, all or nothing.</summary>
    private async Task<IdentityResult> CreateAsync(AppUser admin, bool homepage, CancellationToken ct)
    {
        // The account store shares this request's context, so one transaction holds every write.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(admin, Input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(admin, AccountsExtensions.AdminRole);
        }
        if (!created.Succeeded)
        {
            return created;
        }
        if (homepage)
        {
            var profile = Input.Profile.ToResearcher(DateTimeOffset.UtcNow);
            profile.OwnerId = admin.Id;
            var settings = await SiteSettingsRow.ForChangeAsync(db, ct);
            settings.HomeProfile = profile;
            db.Researchers.Add(profile);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return created;
    }

    private async Task<bool> IsOpenAsync(CancellationToken ct) =>
        setup.Accepts(Token) && !await users.Users.AnyAsync(ct);
}
