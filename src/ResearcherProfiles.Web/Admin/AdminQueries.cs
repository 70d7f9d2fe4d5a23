using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Admin;

/// <summary>Queries several administration pages share.</summary>
public static class AdminQueries
{
    /// <summary>
    /// Accounts that may be given a profile: researchers and administrators who own none yet.
    /// <paramref name="currentOwnerId"/> is listed too, so a form can show who owns the profile now.
    /// </summary>
    public static async Task<List<SelectListItem>> OwnerChoicesAsync(AppDbContext db, string? currentOwnerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] roles = [AccountsExtensions.AdminRole, AccountsExtensions.ResearcherRole];
        var users = await db.Users
            .Where(u => u.Id == currentOwnerId
                || (u.Profile == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.IsDisabled })
            .ToListAsync(ct);
        var choices = new List<SelectListItem> { new("No owner", string.Empty) };
        choices.AddRange(users.Select(u => new SelectListItem(u.IsDisabled ? $"{u.Email} (disabled)" : u.Email, u.Id, u.Id == currentOwnerId)));
        return choices;
    }

    /// <summary>An error message when <paramref name="userId"/> cannot own profile <paramref name="researcherId"/>, or null when it can.</summary>
    public static async Task<string?> OwnerProblemAsync(AppDbContext db, string userId, int? researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { OwnedId = u.Profile == null ? (int?)null : u.Profile.Id, OwnedSlug = u.Profile == null ? null : u.Profile.Slug })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return "Choose an account from the list.";
        }
        return user.OwnedId is int owned && owned != researcherId
            ? $"That account already owns the profile \"{user.OwnedSlug}\"; an account owns at most one profile."
            : null;
    }
}
