using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Publications;

/// <summary>A paper's date as lists are ordered by it: a year, and perhaps a month.</summary>
public readonly record struct PaperDate(int? Year, int? Month);

/// <summary>A listing that is about to join a profile's list, with the date of its paper.</summary>
public sealed record Newcomer(ProfilePublication Listing, PaperDate Date);

/// <summary>
/// Where a paper joins a profile's publication list, however it arrives — added by hand, imported
/// from BibTeX, accepted from a co-author's suggestion or listed for a co-author who accepts papers
/// automatically: where its date puts it in a list kept newest first, that is before the first entry
/// that is not newer than it. In a list sorted by date that is its exact place (first among papers
/// of the same date, as the newest addition); in a list the owner arranged by hand, it lands beside
/// the papers of its time rather than always at the top. The same order is what "Sort by date"
/// produces, so the two never disagree.
/// </summary>
public static class PublicationPlacement
{
    /// <summary>
    /// Newest first: by year, then month (a year alone after the same year's papers with a month),
    /// undated papers last. Returns a negative number when <paramref name="a"/> comes first.
    /// </summary>
    public static int CompareNewestFirst(PaperDate a, PaperDate b)
    {
        if (a.Year is null || b.Year is null)
        {
            return (a.Year is null).CompareTo(b.Year is null);
        }
        var byYear = b.Year.Value.CompareTo(a.Year.Value);
        return byYear != 0 ? byYear : (b.Month ?? 0).CompareTo(a.Month ?? 0);
    }

    /// <summary>
    /// The list once <paramref name="newcomers"/> (in the order they arrive) have joined
    /// <paramref name="list"/> (in its current order): each goes before the first entry that is not
    /// newer than it, except that newcomers of the same date keep their arrival order (an imported
    /// file's order).
    /// </summary>
    public static List<T> Arrange<T>(IEnumerable<(T Item, PaperDate Date)> list, IEnumerable<(T Item, PaperDate Date)> newcomers)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(newcomers);
        var arranged = list.Select(e => (e.Item, e.Date, IsNew: false)).ToList();
        foreach (var (item, date) in newcomers)
        {
            var index = 0;
            while (index < arranged.Count && CompareNewestFirst(arranged[index].Date, date) is var order
                   && (order < 0 || (order == 0 && arranged[index].IsNew)))
            {
                index++;
            }
            arranged.Insert(index, (item, date, true));
        }
        return arranged.Select(e => e.Item).ToList();
    }

    /// <summary>
    /// Orders <paramref name="items"/> newest first; items of the same date keep their order
    /// (LINQ's ordering is stable). "Sort by date" in the publications editor.
    /// </summary>
    public static List<T> NewestFirst<T>(IEnumerable<T> items, Func<T, PaperDate> dateOf) =>
        items.Order(Comparer<T>.Create((x, y) => CompareNewestFirst(dateOf(x), dateOf(y)))).ToList();

    /// <summary>
    /// Gives each of <paramref name="newcomers"/> — new listings on the profile
    /// <paramref name="researcherId"/>, in the order they arrive — its place by date, renumbering
    /// the profile's list (tracked, so the change is saved and recorded with the caller's save).
    /// The caller adds the listings to the context and saves.
    /// </summary>
    public static async Task PlaceAsync(AppDbContext db, int researcherId, IReadOnlyList<Newcomer> newcomers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(newcomers);
        if (newcomers.Count == 0)
        {
            return;
        }
        var listed = db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId);
        var entries = await listed.AsTracking().OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).ToListAsync(ct);
        var dates = await listed
            .Select(pp => new { pp.Id, pp.Publication!.Year, pp.Publication.Month })
            .ToDictionaryAsync(d => d.Id, d => new PaperDate(d.Year, d.Month), ct);
        // Listings added to the context but not saved are not among the query's results.
        var list = Arrange(entries.Select(e => (e, dates.GetValueOrDefault(e.Id))), newcomers.Select(n => (n.Listing, n.Date)));
        ListOrder.Renumber(list);
    }
}
