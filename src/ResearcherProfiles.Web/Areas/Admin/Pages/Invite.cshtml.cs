using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Email;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Admin.Pages;

/// <summary>
/// Invites a person by email: the emailed link lets them set a password and claim the profile
/// assigned here. Lists the invitations sent, with revoke.
/// </summary>
public class InviteModel(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicUrl site, IOutputCacheStore publicPages) : PageModel
{
    public const string NewProfileChoice = "new";
    public const string ExistingAccountMessage = "An account with this email already exists. Assign a profile to it from the profile's Manage page instead.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public List<SelectListItem> ProfileChoices { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the email address to send the invitation to.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [VisibleEmail]
        [StringLength(254, ErrorMessage = "The email address is at most {1} characters.")]
        public string? Email { get; set; }

        /// <summary>Empty for no profile, "new" to create one, or the id of a profile without an owner.</summary>
        [Display(Name = "Profile")]
        public string? Profile { get; set; }

        /// <summary>The address of a profile without an owner that the list does not offer.</summary>
        [Display(Name = "Or the profile's address")]
        [StringLength(300, ErrorMessage = "A profile address is at most {1} characters.")]
        public string? ProfileAddress { get; set; }

        public NewProfileInput NewProfile { get; set; } = new();
    }

    /// <summary>Profiles without an owner offered in the list, newest first; any other is chosen by its address.</summary>
    public const int MaxProfileChoices = 100;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ChooseProfileByAddressAsync(ct);
        var createsProfile = Input.Profile == NewProfileChoice;
        if (createsProfile)
        {
            await Input.NewProfile.CheckSlugIsFreeAsync(db, ModelState, $"{nameof(Input)}.{nameof(Input.NewProfile)}", ct);
        }
        else
        {
            // The new-profile fields are ignored unless the admin chose to create one.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{nameof(Input)}.{nameof(Input.NewProfile)}.", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }
        int? existingProfileId = null;
        if (!createsProfile && !string.IsNullOrEmpty(Input.Profile))
        {
            existingProfileId = int.TryParse(Input.Profile, out var id)
                && await db.Researchers.AnyAsync(r => r.Id == id && r.OwnerId == null && r.DeletedAt == null, ct) ? id : null;
            if (existingProfileId is null)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Profile)}", "Choose a profile without an owner from the list.");
            }
        }
        var address = Input.Email?.Trim() ?? string.Empty;
        if (ModelState.IsValid && await users.FindByEmailAsync(address) is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", ExistingAccountMessage);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var now = DateTimeOffset.UtcNow;
        var (token, hash) = InvitationTokens.Create();
        // Expiry compared here: SQLite cannot compare the stored times in SQL.
        var replacedFor = existingProfileId is null ? [] : (await db.Invitations
            .Where(i => i.ResearcherId == existingProfileId && i.Email != address && i.AcceptedAt == null && i.RevokedAt == null)
            .Select(i => new { i.Email, i.ExpiresAt }).ToListAsync(ct))
            .Where(i => i.ExpiresAt > now).Select(i => i.Email).Distinct().ToList();
        try
        {
            await SaveInvitationAsync(createsProfile, existingProfileId, address, hash, now, ct);
        }
        catch (DbUpdateException e) when (NewProfileInput.SlugTakenMeanwhile(e, ModelState, $"{nameof(Input)}.{nameof(Input.NewProfile)}"))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }
        if (createsProfile)
        {
            await publicPages.EvictByTagAsync(PublicPageTags.All, ct);
        }

        var link = site.Absolute($"/account/invitation?token={token}");
        await email.SendAsync(address, "You are invited to edit your researcher profile",
            $"""
            Hello,

            You have been invited to create an account and edit your researcher profile.
            Open this link to choose your password (it works once, until {now + InvitationTokens.Lifetime:yyyy-MM-dd HH:mm} UTC):

            {link}

            If you did not expect this invitation, ignore this message.
            """, ct);
        StatusMessage = $"Invitation sent to {address}. The link expires in {InvitationTokens.Lifetime.Days} days."
            + (replacedFor.Count > 0 ? $" The earlier invitation to edit this profile, sent to {string.Join(" and ", replacedFor)}, no longer works." : string.Empty);
        return RedirectToPage();
    }

    /// <summary>The new profile (when asked for) and the invitation, in one transaction.</summary>
    private async Task SaveInvitationAsync(bool createsProfile, int? existingProfileId, string address, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Researcher? profile = null;
        if (createsProfile)
        {
            profile = Input.NewProfile.ToResearcher(now);
            db.Researchers.Add(profile);
            await db.SaveChangesAsync(ct);
        }
        // Only the newest invitation to an address, or to edit a profile, works: earlier links stop
        // working (a second acceptor of one profile would get an account with nothing to edit).
        await db.Invitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null
                && (i.Email == address || (existingProfileId != null && i.ResearcherId == existingProfileId)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        db.Invitations.Add(new Invitation
        {
            Email = address,
            TokenHash = hash,
            ResearcherId = profile?.Id ?? existingProfileId,
            InvitedById = users.GetUserId(User),
            CreatedAt = now,
            ExpiresAt = now + InvitationTokens.Lifetime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var revoked = await db.Invitations.Where(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, DateTimeOffset.UtcNow), ct);
        StatusMessage = revoked == 1 ? "The invitation is revoked: its link no longer works." : "That invitation was already used or revoked.";
        return RedirectToPage();
    }

    /// <summary>An address typed instead of a list choice picks that profile, when it has no owner yet.</summary>
    private async Task ChooseProfileByAddressAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Profile) || string.IsNullOrWhiteSpace(Input.ProfileAddress))
        {
            return;
        }
        var slug = ProfileSlug.FromAddress(Input.ProfileAddress);
        var id = await db.Researchers.Where(r => r.Slug == slug && r.OwnerId == null && r.DeletedAt == null)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ProfileAddress)}",
                $"No profile without an owner has the address “{Input.ProfileAddress.Trim()}”. Check the address on the Profiles list.");
            return;
        }
        Input.Profile = id.Value.ToString(CultureInfo.InvariantCulture);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        int? chosen = int.TryParse(Input.Profile, out var id) ? id : null;
        var unowned = (await db.Researchers.Where(r => r.OwnerId == null && r.DeletedAt == null)
                .OrderByDescending(r => r.Id)
                .Take(MaxProfileChoices)
                .Union(db.Researchers.Where(r => r.Id == chosen && r.OwnerId == null && r.DeletedAt == null))
                .Select(r => new { r.Id, r.DisplayName, r.Slug, r.FamilyName, r.GivenName })
                .ToListAsync(ct))
            .OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName);
        ProfileChoices = [new("No profile", string.Empty), new("Create a new profile", NewProfileChoice)];
        ProfileChoices.AddRange(unowned.Select(r => new SelectListItem($"{r.DisplayName} ({r.Slug})", r.Id.ToString())));

        var now = DateTimeOffset.UtcNow;
        var invitations = await db.Invitations.OrderByDescending(i => i.Id).Take(100)
            .Select(i => new { i.Id, i.Email, Profile = i.Researcher == null ? null : i.Researcher.DisplayName, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt })
            .ToListAsync(ct);
        Invitations = invitations.Select(i => new InvitationRow(i.Id, i.Email, i.Profile, i.CreatedAt,
            i.AcceptedAt is not null ? "Accepted" : i.RevokedAt is not null ? "Revoked" : i.ExpiresAt <= now ? "Expired" : "Pending")).ToList();
    }

    public sealed record InvitationRow(int Id, string Email, string? Profile, DateTimeOffset SentAt, string Status)
    {
        public bool IsPending => Status == "Pending";
    }
}
