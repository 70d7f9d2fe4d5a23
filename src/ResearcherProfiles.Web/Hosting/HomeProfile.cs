using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The profile the home page shows when the site is one researcher's homepage (the administrator's
/// site settings, or <see cref="SiteOptions.HomeProfile"/> until those are saved); none when the
/// home page is the directory, or when the chosen profile is hidden or in the trash.
/// </summary>
/// <remarks>
/// Read from the database once per request, and never kept longer: several app instances share the
/// database, and a changed setting must show on every one of them at once. A page of a profile reads
/// it with the profile, in the same query (<see cref="ReadWith"/>).
/// </remarks>
public sealed class HomeProfile(AppDbContext db, IOptions<SiteOptions> site)
{
    private Task<HomeProfileView?>? _found;

    /// <summary>The profile the home page shows, or null for the directory.</summary>
    public Task<HomeProfileView?> FindAsync(CancellationToken ct) => _found ??= QueryAsync(ct);

    /// <summary>The slug configured for the home page (<see cref="SiteOptions.HomeProfile"/>), which counts until the settings are saved.</summary>
    public string? ConfiguredSlug => site.Value.HomeProfile?.Trim();

    /// <summary>
    /// The home profile as another query of this request read it (a page of a profile reads it
    /// with the profile): <see cref="FindAsync"/> answers it without a query of its own.
    /// </summary>
    public void ReadWith(HomeProfileView? home) => _found ??= Task.FromResult(home);

    /// <summary>
    /// Whether the profile is the one chosen for the home page, hidden or not: its name stands for
    /// the site's on every page, and hiding or showing it turns the home page into the directory or back.
    /// </summary>
    public async Task<bool> IsChosenAsync(int researcherId, string slug, CancellationToken ct)
    {
        var configured = site.Value.HomeProfile?.Trim();
        return await db.SiteSettings.AnyAsync(s => s.Id == SiteSettings.SingletonId && s.HomeProfileId == researcherId, ct)
            || (configured == slug && !await db.SiteSettings.AnyAsync(ct));
    }

    /// <summary>The address of a profile: "/" for the home profile, else /people/{slug}.</summary>
    public async Task<string> PathOfAsync(string slug, CancellationToken ct) => PathOf(await FindAsync(ct), slug);

    /// <summary>The address of a profile: "/" for <paramref name="home"/>, else /people/{slug}.</summary>
    public static string PathOf(HomeProfileView? home, string slug) => home?.Slug == slug ? "/" : $"/people/{slug}";

    private async Task<HomeProfileView?> QueryAsync(CancellationToken ct)
    {
        // Every page asks, most before their own queries: the connection opened here serves the
        // rest of the request (the context closes it at the end) rather than being opened again.
        await db.Database.OpenConnectionAsync(ct);
        // Lookups by key, starting from the one settings row (never from the researchers: that
        // was a scan of thousands on every page): the administrator's choice, or the configured
        // slug while no choice has been saved (EF asks whether one was saved first).
        var configured = ConfiguredSlug;
        return string.IsNullOrEmpty(configured) ? await Chosen.For(db)(db, ct) : await ChosenOrConfigured.For(db)(db, configured, ct);
    }

    // Compiled: every uncached page asks.
    private static readonly CompiledQuery<Func<AppDbContext, CancellationToken, Task<HomeProfileView?>>> Chosen = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, CancellationToken ct) => db.SiteSettings
            .Where(s => s.Id == SiteSettings.SingletonId && s.HomeProfileId != null).Select(s => s.HomeProfile!)
            .Where(r => !r.IsHidden && r.DeletedAt == null)
            .Select(r => new HomeProfileView(r.Slug, r.DisplayName))
            .FirstOrDefault()));

    private static readonly CompiledQuery<Func<AppDbContext, string, CancellationToken, Task<HomeProfileView?>>> ChosenOrConfigured = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string configured, CancellationToken ct) => db.SiteSettings
            .Where(s => s.Id == SiteSettings.SingletonId && s.HomeProfileId != null).Select(s => s.HomeProfile!)
            .Concat(db.Researchers.Where(r => r.Slug == configured && !db.SiteSettings.Any()))
            .Where(r => !r.IsHidden && r.DeletedAt == null)
            .Select(r => new HomeProfileView(r.Slug, r.DisplayName))
            .FirstOrDefault()));
}

/// <summary>The home profile's address and name.</summary>
public sealed record HomeProfileView(string Slug, string DisplayName);
