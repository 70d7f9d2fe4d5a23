using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Editing;

public enum AccessResult
{
    Allowed,
    NotFound,
    Forbidden,
}

/// <summary>The profile being edited, as the editor pages see it.</summary>
public sealed record EditableProfile(int Id, string Slug, string DisplayName, string? OwnerId, bool IsHidden);

/// <summary>
/// The one place that decides who may edit a profile: its owner, or an administrator. Every
/// editor handler goes through it (see <see cref="EditorPageModel"/>); when it allows the edit,
/// the DbContext's history scope is set so that every save is recorded under that profile.
/// </summary>
public sealed class ProfileAccess(AppDbContext db, UserManager<Core.Entities.AppUser> users)
{
    public async Task<(AccessResult Result, EditableProfile? Profile)> CheckAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await db.Researchers.AsNoTracking()
            .Where(r => r.Slug == slug && r.DeletedAt == null)
            .Select(r => new EditableProfile(r.Id, r.Slug, r.DisplayName, r.OwnerId, r.IsHidden))
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            return (AccessResult.NotFound, null);
        }
        var userId = users.GetUserId(user);
        var allowed = userId is not null && (user.IsInRole(AccountsExtensions.AdminRole) || profile.OwnerId == userId);
        if (!allowed)
        {
            return (AccessResult.Forbidden, null);
        }
        db.History = new HistoryScope(profile.Id, userId, users.GetUserName(user));
        return (AccessResult.Allowed, profile);
    }

    /// <summary>The slug of the profile the signed-in user owns, if any.</summary>
    public Task<string?> OwnSlugAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = users.GetUserId(user);
        return db.Researchers.Where(r => r.OwnerId == userId && userId != null && r.DeletedAt == null)
            .Select(r => r.Slug).FirstOrDefaultAsync(ct);
    }
}
