using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Data;

/// <summary>The one settings row, for the pages that change it (the setup page and /admin/site).</summary>
public static class SiteSettingsRow
{
    /// <summary>
    /// The row, tracked; when the site has none yet, a new one added to <paramref name="db"/>,
    /// which the next save creates. A new row starts at version 1, so that a settings form opened
    /// before the first save (it carries version 0) is stale after it.
    /// </summary>
    public static async Task<SiteSettings> ForChangeAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.SiteSettings.AsTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct) is { } settings)
        {
            return settings;
        }
        settings = new SiteSettings { Version = 1 };
        db.SiteSettings.Add(settings);
        return settings;
    }

    /// <summary>The version a form showed for <paramref name="settings"/>: 0 while the row is not saved yet.</summary>
    public static int ShownVersion(AppDbContext db, SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Entry(settings).State == EntityState.Added ? 0 : settings.Version;
    }
}
