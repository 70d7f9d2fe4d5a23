using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The demo site's two accounts, with passwords published in the README: never seed them on a
/// site that anyone else can reach. Created only while no account exists.
/// </summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "demo-admin-password";
    public const string ResearcherEmail = "researcher@example.org";
    public const string ResearcherPassword = "demo-researcher-password";

    /// <summary>The demo researcher owns this profile.</summary>
    public const string ResearcherProfileSlug = DemoSlugs.HomepageStyle;

    public static async Task EnsureAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync(ct))
        {
            return;
        }
        await CreateAsync(users, AdminEmail, AdminPassword, AccountsExtensions.AdminRole);
        var researcher = await CreateAsync(users, ResearcherEmail, ResearcherPassword, AccountsExtensions.ResearcherRole);
        var db = services.GetRequiredService<AppDbContext>();
        await db.Researchers
            .Where(r => r.Slug == ResearcherProfileSlug && r.OwnerId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, researcher.Id), ct);
        logger.LogWarning(
            "Created the demo accounts {AdminEmail} and {ResearcherEmail} (owner of /people/{Slug}) with the passwords in the README.",
            AdminEmail, ResearcherEmail, ResearcherProfileSlug);
    }

    private static async Task<AppUser> CreateAsync(UserManager<AppUser> users, string email, string password, string role)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create a demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
