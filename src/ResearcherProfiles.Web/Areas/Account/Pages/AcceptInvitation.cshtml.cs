using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>
/// Where an invitation link lands: the invited person chooses a password, gets a researcher
/// account with the invited email, and claims the profile assigned to them.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class AcceptInvitationModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<AcceptInvitationModel> logger) : PageModel
{
    /// <summary>The same words for an unknown, expired, revoked or used link: the link itself is the only secret.</summary>
    public const string InvalidMessage = "This invitation link is not valid. It may have expired, been revoked or been used already. Ask an administrator for a new invitation.";

    public const string ProfileTakenMessage = "This invitation was to edit a profile that has an owner now (or was deleted), so it no longer works. Ask an administrator for a new invitation.";

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public string Problem { get; private set; } = InvalidMessage;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Email { get; private set; }
    public bool IsValid { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, MinimumLength = AccountsExtensions.MinPasswordLength,
            ErrorMessage = "Use at least {2} characters (at most {1}); a passphrase of several words works well.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Confirm password")]
        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public async Task OnGetAsync(CancellationToken ct) => await FindAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var invitation = await FindAsync(ct);
        if (invitation is null || !ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        string? slug = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claiming the invitation first makes a second, simultaneous use of the link fail.
            var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, DateTimeOffset.UtcNow), ct);
            if (claimed != 1)
            {
                return Invalid();
            }
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
                {
                    return Invalid();
                }
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
                }
                return Page();
            }
            await users.AddToRoleAsync(user, AccountsExtensions.ResearcherRole);
            // The profile is claimed only if nobody owns it meanwhile.
            var profile = await db.Researchers.AsTracking()
                .FirstOrDefaultAsync(r => r.Id == invitation.ResearcherId && r.OwnerId == null && r.DeletedAt == null, ct);
            if (profile is not null)
            {
                profile.OwnerId = user.Id;
                db.History = new HistoryScope(profile.Id, user.Id, user.UserName);
                await db.SaveChangesAsync(ct);
                slug = profile.Slug;
            }
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Invitation {InvitationId} accepted by new user {UserId}.", invitation.Id, user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(slug is null ? "/account" : $"/edit/{slug}");
    }

    /// <summary>The invitation behind <see cref="Token"/> when it can still be used; otherwise null, with the page showing why not.</summary>
    private async Task<Invitation?> FindAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Token) || Token.Length > 100)
        {
            Invalid();
            return null;
        }
        var hash = InvitationTokens.Hash(Token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.AcceptedAt is not null || invitation.RevokedAt is not null
            || invitation.ExpiresAt <= DateTimeOffset.UtcNow || await users.FindByEmailAsync(invitation.Email) is not null)
        {
            Invalid();
            return null;
        }
        // An invitation to a profile that was given an owner since (another invitation accepted
        // first, or the administrator) would make an account with nothing to edit.
        if (invitation.ResearcherId is int profileId
            && !await db.Researchers.AnyAsync(r => r.Id == profileId && r.OwnerId == null && r.DeletedAt == null, ct))
        {
            Invalid();
            Problem = ProfileTakenMessage;
            return null;
        }
        Email = invitation.Email;
        IsValid = true;
        return invitation;
    }

    private PageResult Invalid()
    {
        IsValid = false;
        ModelState.Clear();
        return Page();
    }
}
