using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Core.Publications;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Sources;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's publication list: order, visibility and selection are this profile's own
/// (<see cref="ProfilePublication"/>); the papers themselves are shared with co-authors.
/// </summary>
public sealed class PublicationsModel(AppDbContext db, PaperSync sync, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public enum Operation
    {
        MoveUp,
        MoveDown,
        Hide,
        Show,
        Highlight,
        Unhighlight,
        Remove,
    }

    public sealed record Row(
        int Id, int PublicationId, string Title, int? Year, string? Venue, string Authors,
        bool IsVisible, bool IsHighlighted, int OtherProfiles);

    /// <summary>Papers per page of the list: a profile with thousands of papers is edited a page at a time.</summary>
    public const int PageSize = 100;

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Rows { get; private set; } = null!;

    /// <summary>The position in the whole list of this page's first row, from 0.</summary>
    public int FirstIndex => (Rows.PageNumber - 1) * PageSize;

    /// <summary>Papers co-authors linked this profile to, waiting for its owner's consent.</summary>
    public int Suggestions { get; private set; }

    /// <summary>Works the connected sources found that wait in the review queue.</summary>
    public int Found { get; private set; }

    /// <summary>Set after a removal, whose way back is the history page.</summary>
    [TempData]
    public bool StatusLinksToHistory { get; set; }

    /// <summary>Set after a removal: the save the Undo button beside the message reverses.</summary>
    [TempData]
    public Guid? UndoChangeSet { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Suggestions = await db.PublicationSuggestions.CountAsync(s => s.ResearcherId == Profile.Id, ct);
        Found = await CountFoundAsync(ct);
        var entries = await Paging.ToPageAsync(
            Ordered(db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id))
                .Select(pp => new
                {
                    pp.Id,
                    pp.PublicationId,
                    pp.Publication!.Title,
                    pp.Publication.Year,
                    Venue = pp.Publication.VenueShort ?? pp.Publication.VenueName,
                    pp.IsVisible,
                    pp.IsHighlighted,
                    OtherProfiles = pp.Publication.Profiles.Count(o => o.ResearcherId != Profile.Id),
                }),
            PageNumber, PageSize, ct);
        var ids = entries.Items.Select(e => e.PublicationId).ToList();
        var authors = (await db.PublicationAuthors
                .Where(a => ids.Contains(a.PublicationId))
                .OrderBy(a => a.Position)
                .Select(a => new { a.PublicationId, a.Name })
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId, a => a.Name);
        Rows = new Paged<Row>(
            entries.Items.Select(e => new Row(
                    e.Id, e.PublicationId, e.Title, e.Year, e.Venue, AuthorList.Abbreviated(authors[e.PublicationId].ToList()),
                    e.IsVisible, e.IsHighlighted, e.OtherProfiles))
                .ToList(),
            entries.PageNumber, entries.PageCount, entries.Total);
    }

    private async Task<int> CountFoundAsync(CancellationToken ct)
    {
        var waiting = db.FoundWorks.Where(w => w.ResearcherId == Profile.Id && w.Status == FoundWorkStatus.Pending);
        if (!await waiting.AnyAsync(ct))
        {
            return 0;
        }
        // Papers just imported from the queue leave it before it is counted.
        await sync.RemoveArrivedAsync(Profile.Id, ct);
        return await waiting.CountAsync(ct);
    }

    public string PageUrl(int number) => Url.Page("/Edit/Publications", new { slug = Profile.Slug, p = number == 1 ? (int?)null : number })!;

    public async Task<IActionResult> OnPostItemAsync([FromForm] int id, [FromForm] Operation operation, CancellationToken ct)
    {
        var own = db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id);
        var entry = await own.AsTracking().Include(pp => pp.Publication).FirstOrDefaultAsync(pp => pp.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }
        var title = entry.Publication!.Title;
        switch (operation)
        {
            case Operation.MoveUp or Operation.MoveDown:
                await MoveAsync(own, entry, up: operation == Operation.MoveUp, ct);
                StatusMessage = $"Moved “{title}” {(operation == Operation.MoveUp ? "up" : "down")}.";
                break;
            case Operation.Hide or Operation.Show:
                entry.IsVisible = operation == Operation.Show;
                StatusMessage = entry.IsVisible ? $"“{title}” is shown on your profile again." : $"“{title}” is hidden from your public profile.";
                break;
            case Operation.Highlight or Operation.Unhighlight:
                entry.IsHighlighted = operation == Operation.Highlight;
                StatusMessage = entry.IsHighlighted ? $"“{title}” is now a selected publication." : $"“{title}” is no longer a selected publication.";
                break;
            case Operation.Remove:
                await RemoveAsync(entry, ct);
                StatusMessage = $"Removed “{title}” from the profile. History can restore it.";
                StatusLinksToHistory = true;
                break;
            default:
                return BadRequest();
        }
        // Back to the page the paper is (or was) on: moving the first paper of a page up takes it to the page before.
        var before = await CountBeforeAsync(own, entry.SortOrder, entry.Id, ct);
        await db.SaveChangesAsync(ct);
        if (operation == Operation.Remove)
        {
            UndoChangeSet = await ListActions.DeletionAsync(db, Profile.Id, nameof(ProfilePublication), entry.Id, ct);
        }
        if (operation is Operation.MoveUp or Operation.MoveDown)
        {
            before = await CountBeforeAsync(own, entry.SortOrder, entry.Id, ct);
        }
        var page = before / PageSize + 1;
        // Without JavaScript the browser lands at the paper acted on, or at the message when it is gone.
        var anchor = operation == Operation.Remove ? FormLanding.Status : $"entry-{entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return RedirectToPage(null, null, new { p = page == 1 ? (int?)null : page }, anchor);
    }

    /// <summary>
    /// Moves a paper to <paramref name="position"/> (from 1) in the whole list: where it was dropped
    /// after a drag, or one place on with the arrow keys on its drag handle. When another change
    /// to the list wins the race, the move is made once more on the list as it now is.
    /// </summary>
    public async Task<IActionResult> OnPostMoveToAsync([FromForm] int id, [FromForm] int position, CancellationToken ct)
    {
        try
        {
            return await MoveToOnceAsync(id, position, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await MoveToOnceAsync(id, position, ct);
        }
    }

    private async Task<IActionResult> MoveToOnceAsync(int id, int position, CancellationToken ct)
    {
        var entries = await Ordered(db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id)).AsTracking().ToListAsync(ct);
        var index = entries.FindIndex(pp => pp.Id == id);
        if (index < 0)
        {
            return NotFound();
        }
        var target = position - 1;
        if (target < 0 || target >= entries.Count)
        {
            StatusMessage = $"Nothing was moved: the list has places 1 to {entries.Count:N0}.";
            return LandAt(id, index);
        }
        ListActions.Move(entries, index, target);
        await db.SaveChangesAsync(ct);
        var title = await db.Publications.Where(p => p.Id == entries[target].PublicationId).Select(p => p.Title).SingleAsync(ct);
        StatusMessage = $"Moved “{title}” to position {position:N0} of {entries.Count:N0}.";
        return LandAt(id, target);
    }

    /// <summary>
    /// Undo beside the message after a removal: brings the paper back to its place in the list
    /// through the history, which only ever restores what this profile's own history holds.
    /// </summary>
    public async Task<IActionResult> OnPostRestoreAsync([FromForm] Guid changeSet, CancellationToken ct)
    {
        var restore = await ListActions.RestoreAsync(db, Profile.Id, nameof(ProfilePublication), changeSet, User.IsInRole(AccountsExtensions.AdminRole), ct);
        if (restore is null)
        {
            return NotFound();
        }
        var own = db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id);
        var entry = restore.Problem is null
            ? await own.Where(pp => pp.Id == restore.EntityId).Select(pp => new { pp.Id, pp.SortOrder, pp.Publication!.Title }).FirstOrDefaultAsync(ct)
            : null;
        if (entry is null)
        {
            StatusMessage = restore.Problem ?? "The paper could not be restored here; History shows what can be.";
            StatusLinksToHistory = true;
            return RedirectToPage(null, null, new { p = (int?)null }, FormLanding.Status);
        }
        StatusMessage = $"“{entry.Title}” is back on the profile.";
        var before = await CountBeforeAsync(own, entry.SortOrder, entry.Id, ct);
        return LandAt(entry.Id, before);
    }

    /// <summary>Without JavaScript the browser lands at the paper, on the page of the list that holds the <paramref name="index"/>th (from 0).</summary>
    private RedirectToPageResult LandAt(int id, int index)
    {
        var page = index / PageSize + 1;
        return RedirectToPage(null, null, new { p = page == 1 ? (int?)null : page }, $"entry-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Puts the list in date order, newest first (<see cref="PublicationPlacement.CompareNewestFirst"/>:
    /// by year, then month, undated papers last), ties keeping their current order — the order new
    /// papers are placed in. One save, so one Undo in the history brings the previous order back.
    /// </summary>
    public async Task<IActionResult> OnPostSortByDateAsync(CancellationToken ct)
    {
        var entries = await Ordered(db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id))
            .AsTracking()
            .Include(pp => pp.Publication)
            .ToListAsync(ct);
        var sorted = PublicationPlacement.NewestFirst(entries, pp => new PaperDate(pp.Publication!.Year, pp.Publication.Month));
        ListOrder.Renumber(sorted);
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Sorted {Count(sorted.Count, "publication")} by date, newest first. History can bring the previous order back.";
        StatusLinksToHistory = true;
        return RedirectToPage(null, null, new { p = (int?)null }, FormLanding.Status);
    }

    private static string Count(int n, string singular) => $"{n:N0} {(n == 1 ? singular : singular + "s")}";

    /// <summary>The list's order: the owner's, ties by age.</summary>
    /// <summary>How many of <paramref name="own"/> (one profile's entries) come before the entry at (<paramref name="sortOrder"/>, <paramref name="id"/>) in the list's order: where it is in the list.</summary>
    internal static Task<int> CountBeforeAsync(IQueryable<ProfilePublication> own, int sortOrder, int id, CancellationToken ct) =>
        own.CountAsync(pp => pp.SortOrder < sortOrder || (pp.SortOrder == sortOrder && pp.Id < id), ct);

    private static IOrderedQueryable<ProfilePublication> Ordered(IQueryable<ProfilePublication> entries) =>
        entries.OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id);

    /// <summary>
    /// Swaps the entry with its neighbour, loading only the two. A tie in the stored order (which
    /// older data can have) is repaired by numbering the whole list once.
    /// </summary>
    private static async Task MoveAsync(IQueryable<ProfilePublication> own, ProfilePublication entry, bool up, CancellationToken ct)
    {
        var neighbour = up
            ? await own.AsTracking()
                .Where(pp => pp.SortOrder < entry.SortOrder || (pp.SortOrder == entry.SortOrder && pp.Id < entry.Id))
                .OrderByDescending(pp => pp.SortOrder).ThenByDescending(pp => pp.Id).FirstOrDefaultAsync(ct)
            : await own.AsTracking()
                .Where(pp => pp.SortOrder > entry.SortOrder || (pp.SortOrder == entry.SortOrder && pp.Id > entry.Id))
                .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).FirstOrDefaultAsync(ct);
        if (neighbour is null)
        {
            return;
        }
        if (neighbour.SortOrder != entry.SortOrder)
        {
            (entry.SortOrder, neighbour.SortOrder) = (neighbour.SortOrder, entry.SortOrder);
            return;
        }
        var entries = await Ordered(own).AsTracking().ToListAsync(ct);
        var index = entries.FindIndex(pp => pp.Id == entry.Id);
        ListActions.Move(entries, index, up ? index - 1 : index + 1);
    }

    /// <summary>
    /// Takes the paper off this profile; when no other profile lists it, the paper itself goes too,
    /// with every row that hangs off it loaded so that each deletion is recorded and can be restored.
    /// </summary>
    private async Task RemoveAsync(ProfilePublication entry, CancellationToken ct)
    {
        db.ProfilePublications.Remove(entry);
        var listedElsewhere = await db.ProfilePublications
            .AnyAsync(pp => pp.PublicationId == entry.PublicationId && pp.Id != entry.Id, ct);
        if (listedElsewhere)
        {
            return;
        }
        var publication = await db.Publications.AsTracking()
            .Include(p => p.Authors)
            .Include(p => p.Links)
            .SingleAsync(p => p.Id == entry.PublicationId, ct);
        var related = await db.ProjectPublications.AsTracking()
            .Where(pp => pp.PublicationId == entry.PublicationId)
            .ToListAsync(ct);
        db.ProjectPublications.RemoveRange(related);
        db.PublicationAuthors.RemoveRange(publication.Authors);
        db.PublicationLinks.RemoveRange(publication.Links);
        db.Publications.Remove(publication);
    }
}
