using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Lists;

namespace ResearcherProfiles.Web.Areas.Admin.Pages;

/// <summary>The administration overview: every account and every profile, searchable and paged; accounts are disabled here.</summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    /// <summary>Accounts, and profiles, per page.</summary>
    public const int PageSize = 25;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "usersPage")]
    public int UsersPage { get; set; } = 1;

    [FromQuery(Name = "profilesPage")]
    public int ProfilesPage { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public string? CurrentUserId { get; private set; }
    public Paged<UserRow> Users { get; private set; } = null!;
    public Paged<ProfileRow> Profiles { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentUserId = users.GetUserId(User);
        // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
        var pattern = string.IsNullOrWhiteSpace(Query) ? null : LikePatterns.Containing(Query.Trim().ToLowerInvariant());
        var userQuery = db.Users.AsQueryable();
        var profileQuery = db.Researchers.AsQueryable();
        if (pattern is not null)
        {
            userQuery = userQuery.Where(u => EF.Functions.Like(u.Email!.ToLower(), pattern, LikePatterns.Escape));
            profileQuery = profileQuery.Where(r => EF.Functions.Like(r.DisplayName.ToLower(), pattern, LikePatterns.Escape) || EF.Functions.Like(r.Slug, pattern, LikePatterns.Escape));
        }
        Users = await Paging.ToPageAsync(
            userQuery.OrderBy(u => u.Email).Select(u => new UserRow(
                u.Id, u.Email!, u.IsDisabled, u.CreatedAt, u.Profile == null ? null : u.Profile.Slug,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList())),
            UsersPage, PageSize, ct);
        Profiles = await Paging.ToPageAsync(
            profileQuery.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id).Select(r => new ProfileRow(
                r.Id, r.Slug, r.DisplayName, r.Owner == null ? null : r.Owner.Email, r.IsHidden, r.DeletedAt != null)),
            ProfilesPage, PageSize, ct);
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (disabled && user.Id == users.GetUserId(User))
        {
            StatusMessage = "You cannot disable your own account.";
            return RedirectToPage();
        }
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            StatusMessage = $"The account {user.Email} was not changed: {string.Join(" ", updated.Errors.Select(e => e.Description))}";
            return RedirectToPage();
        }
        // A new security stamp ends the account's existing sessions.
        await users.UpdateSecurityStampAsync(user);
        StatusMessage = disabled ? $"The account {user.Email} is disabled and can no longer sign in." : $"The account {user.Email} is enabled again.";
        return RedirectToPage();
    }

    public string PageUrl(int usersPage, int profilesPage)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            query.Add($"q={Uri.EscapeDataString(Query.Trim())}");
        }
        if (usersPage > 1)
        {
            query.Add($"usersPage={usersPage}");
        }
        if (profilesPage > 1)
        {
            query.Add($"profilesPage={profilesPage}");
        }
        return query.Count == 0 ? "/admin" : "/admin?" + string.Join('&', query);
    }

    public sealed record UserRow(string Id, string Email, bool IsDisabled, DateTimeOffset CreatedAt, string? ProfileSlug, List<string> Roles);

    public sealed record ProfileRow(int Id, string Slug, string DisplayName, string? OwnerEmail, bool IsHidden, bool IsTrashed);
}
