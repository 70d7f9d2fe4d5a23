using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// The "Edit this profile" link on a public profile. Public pages are output-cached for everyone,
/// so the server never writes per-user markup into them: every profile carries the link hidden, and
/// wwwroot/js/edit-link.js shows it when this cookie, set at sign-in and removed at sign-out, names
/// the profile. The cookie only hints (it is readable by scripts and grants nothing): the editor
/// checks access on every request (<see cref="ProfileAccess"/>).
/// </summary>
public static class EditLinkHint
{
    public const string CookieName = "rp_edit";

    /// <summary>The cookie's value for an administrator, who may edit any profile.</summary>
    public const string AnyProfile = "*";

    /// <summary>Between slugs in the cookie's value; slugs are letters, digits and hyphens.</summary>
    public const char Separator = '|';

    public static async Task SetAsync(HttpContext context, AppDbContext db, UserManager<AppUser> users, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var value = await users.IsInRoleAsync(user, AccountsExtensions.AdminRole)
            ? AnyProfile
            : string.Join(Separator, await db.Researchers.Where(r => r.OwnerId == user.Id && r.DeletedAt == null)
                .OrderBy(r => r.Slug).Select(r => r.Slug).ToListAsync(context.RequestAborted));
        if (value.Length == 0)
        {
            Clear(context);
            return;
        }
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = false,
            IsEssential = true,
            Path = "/",
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
    }
}
