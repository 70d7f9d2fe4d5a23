using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;

namespace ResearcherProfiles.Web.Admin;

public static class AdminHistory
{
    /// <summary>Records the next saves under profile <paramref name="researcherId"/>'s history as made by the signed-in administrator.</summary>
    public static void RecordUnder(this AppDbContext db, int researcherId, UserManager<AppUser> users, ClaimsPrincipal admin)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        db.History = new HistoryScope(researcherId, users.GetUserId(admin), users.GetUserName(admin));
    }
}
