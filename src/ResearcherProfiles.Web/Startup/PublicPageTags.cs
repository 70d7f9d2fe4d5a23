using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Which cached public pages an edit makes stale. A page that belongs to profiles (a profile and
/// its publication list, projects, CV, exports and feed; a paper's page) says so while it renders
/// (<see cref="MarkProfiles"/>) and is tagged with each; every other cached page (the directory,
/// search, the home page, sitemaps, the site's feed) is tagged <see cref="Listings"/>. An edit to a
/// profile then evicts that profile's pages, those of every profile it shares a paper with (they
/// show its name, its link and the shared records), and the listings, and the rest of a large
/// site stays cached. Every page also carries <see cref="All"/>, for changes to the whole site.
/// </summary>
public static class PublicPageTags
{
    /// <summary>On every cached public page: site settings, accounts and purges evict it.</summary>
    public const string All = "public";

    /// <summary>On every cached public page that no profile claims.</summary>
    public const string Listings = "listings";

    /// <summary>
    /// Past this many profiles one edit evicts every page: each profile is one eviction (one
    /// round of Redis commands with a shared cache), and the listings go anyway.
    /// </summary>
    public const int MostProfilesEvictedOneByOne = 200;

    public static string Profile(int researcherId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"profile:{researcherId}");

    /// <summary>Tags the page being rendered as belonging to <paramref name="researcherIds"/>; nothing when it is not being cached.</summary>
    public static void MarkProfiles(HttpContext context, IEnumerable<int> researcherIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(researcherIds);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { } cache)
        {
            return;
        }
        foreach (var id in researcherIds)
        {
            cache.Tags.Add(Profile(id));
        }
    }

    public static void MarkProfile(HttpContext context, int researcherId) => MarkProfiles(context, [researcherId]);

    /// <summary>Whether a page is tagged as some profile's.</summary>
    private static bool BelongsToAProfile(OutputCacheContext context) =>
        context.Tags.Any(t => t.StartsWith("profile:", StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="researcherId"/> and every researcher who shares a paper with them, as an
    /// author on the shared record or by listing it: the profiles whose pages show something of
    /// theirs. Hidden and deleted rows count too, since showing them again changes those pages.
    /// </summary>
    public static async Task<IReadOnlyCollection<int>> ProfilesSharingWithAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var papers = db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId).Select(pp => pp.PublicationId)
            .Union(db.PublicationAuthors.Where(a => a.ResearcherId == researcherId).Select(a => a.PublicationId));
        var ids = await ProfilesListingOrAuthoring(db, papers).ToListAsync(ct);
        return [.. ids.Append(researcherId).Distinct()];
    }

    /// <summary>Every researcher who lists or authors one of <paramref name="publicationIds"/>.</summary>
    public static async Task<IReadOnlyCollection<int>> ProfilesOnPapersAsync(AppDbContext db, IReadOnlyCollection<int> publicationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await ProfilesListingOrAuthoring(db, db.Publications.Where(p => publicationIds.Contains(p.Id)).Select(p => p.Id)).ToListAsync(ct);
    }

    private static IQueryable<int> ProfilesListingOrAuthoring(AppDbContext db, IQueryable<int> papers) =>
        db.ProfilePublications.Where(pp => papers.Contains(pp.PublicationId)).Select(pp => pp.ResearcherId)
            .Union(db.PublicationAuthors.Where(a => a.ResearcherId != null && papers.Contains(a.PublicationId)).Select(a => a.ResearcherId!.Value));

    /// <summary>Evicts the pages of <paramref name="researcherIds"/> and the listings; every page when there are very many.</summary>
    public static async ValueTask EvictProfilesAsync(IOutputCacheStore store, IReadOnlyCollection<int> researcherIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(researcherIds);
        if (researcherIds.Count > MostProfilesEvictedOneByOne)
        {
            await store.EvictByTagAsync(All, ct);
            return;
        }
        await store.EvictByTagAsync(Listings, ct);
        foreach (var id in researcherIds)
        {
            await store.EvictByTagAsync(Profile(id), ct);
        }
    }

    /// <summary>Part of the public pages' policy: tags <see cref="Listings"/> a page no profile claimed while it rendered.</summary>
    internal sealed class ListingsUnlessClaimed : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (!BelongsToAProfile(context))
            {
                context.Tags.Add(Listings);
            }
            return ValueTask.CompletedTask;
        }
    }
}
