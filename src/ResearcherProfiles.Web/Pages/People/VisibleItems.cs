using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>A profile's visible items of one kind, in the owner's order, as its public pages read them.</summary>
public static class VisibleItems
{
    public static Task<List<T>> OfAsync<T>(AppDbContext db, int researcherId, CancellationToken ct)
        where T : ProfileItem =>
        Compiled<T>.Query.For(db)(db, researcherId).ToListAsync(ct).AsTask();

    // Compiled per kind: a profile page reads several of these on every uncached visit.
    private static class Compiled<T>
        where T : ProfileItem
    {
        public static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<T>>> Query = new(() => EF.CompileAsyncQuery<AppDbContext, int, T>(
            (AppDbContext db, int researcherId) => db.Set<T>().Where(i => i.ResearcherId == researcherId && i.IsVisible).OrderBy(i => i.SortOrder)));
    }
}
