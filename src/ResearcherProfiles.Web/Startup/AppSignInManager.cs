using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Identity's sign-in manager, plus: a disabled account can neither sign in nor keep a session.
/// The cookie is re-validated every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>,
/// so disabling an account ends its sessions within that time even if the stamp did not change.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// Identity answers a locked-out account before it hashes the password, which makes that
    /// answer measurably faster than a wrong password or an unknown address (both of which cost a
    /// hash): the timing would tell a real, locked account apart. A locked account's password is
    /// hashed too, and the result ignored.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? string.Empty, password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }

    /// <summary>Every way of signing in ends here, so the hint for the "Edit this profile" link (<see cref="EditLinkHint"/>) is set once.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await EditLinkHint.SetAsync(Context, db, UserManager, user);
    }

    public override async Task SignOutAsync()
    {
        await base.SignOutAsync();
        EditLinkHint.Clear(Context);
    }
}
