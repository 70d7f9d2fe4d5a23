using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Every signed-in page (the editor, the account pages, the admin area) requires the account to be
/// enabled and the session's security stamp to be the account's current one. The sign-in cookie is
/// checked against the database only every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// (a minute), so without this a disabled account, or a session ended by a new password, could still
/// change a profile for up to that long. One lookup by key per signed-in request; public pages
/// carry no requirement and make none.
/// </summary>
public sealed class CurrentAccountRequirement : IAuthorizationRequirement
{
    public static readonly CurrentAccountRequirement Instance = new();
}

public sealed class CurrentAccountHandler(AppDbContext db, IOptions<IdentityOptions> identity) : AuthorizationHandler<CurrentAccountRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentAccountRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.User.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.User.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (userId is null || stamp is null)
        {
            return;
        }
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && !u.IsDisabled && u.SecurityStamp == stamp))
        {
            context.Succeed(requirement);
        }
    }
}
