using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>A profile's visible items of one kind, in the owner's order, as its public pages read them.</summary>
public static class VisibleItems
{
    public static Task<List<T>> OfAsync<T>(AppDbContext db, int researcherId, CancellationToken ct)
        where T : ProfileItem =>
        Compiled<T>.Query(db, researcherId).ToListAsync(ct).AsTask();

    // Compiled once per kind: a profile page reads several of these on every uncached visit, and
    // finding a LINQ query's cached plan (walking and comparing its expression tree) cost more
    // than running it.
    private static class Compiled<T>
        where T : ProfileItem
    {
        public static readonly Func<AppDbContext, int, IAsyncEnumerable<T>> Query = EF.CompileAsyncQuery<AppDbContext, int, T>(
            (AppDbContext db, int researcherId) => db.Set<T>().Where(i => i.ResearcherId == researcherId && i.IsVisible).OrderBy(i => i.SortOrder));
    }
}
