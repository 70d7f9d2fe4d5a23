using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's history, one entry per save (change set), newest first; any entry can be undone,
/// which brings back deleted items and earlier versions. ?type=NewsItem&amp;id=5 narrows it to one record.
/// </summary>
public sealed class HistoryModel(
    AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages, IConfiguration configuration, IWebHostEnvironment environment)
    : EditorPageModel(access, publicPages)
{
    public const int PageSize = 50;

    /// <summary>
    /// Changes listed per save: an import of thousands of papers is one save, and listing all of
    /// them would make the page as long as the import.
    /// </summary>
    public const int ChangesShownPerSet = 20;

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>With <see cref="ItemId"/>: show only the versions of this record.</summary>
    [FromQuery(Name = "type")]
    public string? ItemType { get; set; }

    [FromQuery(Name = "id")]
    public int? ItemId { get; set; }

    /// <summary>Show only saves that deleted something, to find what to restore.</summary>
    [FromQuery(Name = "deleted")]
    public bool DeletedOnly { get; set; }

    public IReadOnlyList<ChangeSetView> ChangeSets { get; private set; } = [];

    public bool HasOlder { get; private set; }

    public bool IsItemView => ItemType is not null && ItemId is not null;

    public string? ItemTitle { get; private set; }

    /// <param name="Title">The item's name (a paper by its title, news by its text), never its type and ids.</param>
    public sealed record RevisionView(
        string EntityType, int EntityId, RevisionAction Action, string? Title, IReadOnlyList<RevisionFieldChange> Changes)
    {
        public bool CanShowItemHistory => EntityId > 0 && !HistoryText.PartTypes.Contains(EntityType);
    }

    /// <param name="By">Who made the save: the account's email address or user name, "a deleted account" when it is gone.</param>
    public sealed record ChangeSetView(
        Guid ChangeSet, DateTimeOffset At, string By, IReadOnlyList<RevisionView> Shown, IReadOnlyList<string> PartSummary, bool CanUndo)
    {
        /// <summary>A save that only reordered a list, in one line ("Moved “X” above “Y”"), shown instead of its rows.</summary>
        public string? Reorder { get; init; }

        /// <summary>Changes of the save beyond the first <see cref="ChangesShownPerSet"/>: "and 1,980 more".</summary>
        public int More { get; init; }

        /// <summary>A save that only deleted things is undone by restoring them.</summary>
        public bool IsDeletion { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var revisions = db.Revisions.Where(r => r.ResearcherId == Profile.Id);
        if (IsItemView)
        {
            revisions = revisions.Where(r => r.EntityType == ItemType && r.EntityId == ItemId);
        }
        if (DeletedOnly)
        {
            revisions = revisions.Where(r => r.Action == RevisionAction.Deleted && !HistoryText.PartTypes.Contains(r.EntityType));
        }

        var sets = await revisions
            .GroupBy(r => r.ChangeSet)
            .Select(g => new { ChangeSet = g.Key, Last = g.Max(r => r.Id) })
            .OrderByDescending(s => s.Last)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        HasOlder = sets.Count > PageSize;
        var keys = sets.Take(PageSize).Select(s => s.ChangeSet).ToList();
        var inSets = db.Revisions.Where(r => r.ResearcherId == Profile.Id && keys.Contains(r.ChangeSet));

        // What each save holds, counted in SQL, so a save of thousands of rows costs a few counts.
        var kinds = await inSets
            .GroupBy(r => new { r.ChangeSet, r.EntityType })
            .Select(g => new RowKind(
                g.Key.ChangeSet, g.Key.EntityType, g.Count(), g.Count(r => r.Action == RevisionAction.Deleted), g.Min(r => r.Id),
                g.Count(r => r.EntityType == ItemType && r.EntityId == ItemId),
                g.Count(r => r.Action == RevisionAction.Updated && r.ChangedFields == nameof(ProfileItem.SortOrder))))
            .ToListAsync(ct);
        var kindsBySet = kinds.ToLookup(k => k.ChangeSet);
        // A save that changed only parts (authors, links) shows those parts rather than nothing.
        var partsOnly = keys.Where(k => kindsBySet[k].All(kind => HistoryText.PartTypes.Contains(kind.EntityType))).ToList();
        var shownRows = IsItemView
            ? inSets.Where(r => r.EntityType == ItemType && r.EntityId == ItemId)
            : inSets.Where(r => !HistoryText.PartTypes.Contains(r.EntityType) || partsOnly.Contains(r.ChangeSet));
        // The first rows of each save, numbered per save in SQL.
        var rows = (await shownRows.Select(r => r.ChangeSet).Distinct()
                .Select(set => shownRows.Where(r => r.ChangeSet == set).OrderBy(r => r.Id).Take(ChangesShownPerSet).ToList())
                .ToListAsync(ct))
            .SelectMany(set => set)
            .ToLookup(r => r.ChangeSet);

        // A save that only moved items in one list is read whole, to be told as one move or one sort.
        var reorderKeys = keys.Where(k => kindsBySet[k].ToList() is [{ } only] && only.Moves == only.Count && only.Count <= ReorderRowsRead).ToList();
        var reorders = reorderKeys.Count == 0
            ? []
            : (await db.Revisions.AsNoTracking().Where(r => r.ResearcherId == Profile.Id && reorderKeys.Contains(r.ChangeSet)).ToListAsync(ct))
                .GroupBy(r => r.ChangeSet)
                .Select(g => (ChangeSet: g.Key, Reorder: Core.History.Reorder.Of(g.ToList())))
                .Where(x => x.Reorder is not null)
                .ToDictionary(x => x.ChangeSet, x => x.Reorder!);
        var shownRevisions = rows.SelectMany(g => g).ToList();
        paperTitles = await PaperTitlesAsync(db, Profile.Id,
            shownRevisions.Concat(reorders.Values.SelectMany(r => new[] { r.Item, r.Neighbour }).OfType<ProfileRevision>()), ct);
        paperDates = await PaperDatesAsync(db,
            reorders.Values.Where(r => r.EntityType == nameof(ProfilePublication)).SelectMany(r => r.NewOrder), ct);
        await LoadAccountNamesAsync(shownRevisions, ct);
        ChangeSets = sets.Take(PageSize)
            .Where(s => rows[s.ChangeSet].Any())
            .Select(s => ToView(rows[s.ChangeSet].OrderBy(r => r.Id).ToList(), kindsBySet[s.ChangeSet].ToList(), partsOnly.Contains(s.ChangeSet)) with
            {
                Reorder = ReorderText(s.ChangeSet, kindsBySet[s.ChangeSet].ToList(), reorders),
            })
            .ToList();
        if (IsItemView)
        {
            ItemTitle = shownRevisions.OrderByDescending(r => r.Id).Select(Title).FirstOrDefault();
        }
        return Page();
    }

    /// <param name="confirmed">
    /// Set by the confirmation page's button: an undo that changes more than one field goes there
    /// first (<see cref="UndoPreview.NeedsConfirmation"/>), one that changes a single field happens at once.
    /// </param>
    public async Task<IActionResult> OnPostUndoAsync([FromForm] Guid changeSet, [FromForm] bool confirmed, CancellationToken ct)
    {
        if (await PhotoGoneAsync(changeSet, ct))
        {
            StatusMessage = "This change cannot be undone: the earlier photo's file was deleted from the server when it was replaced or removed. Upload it again on the Photo page.";
            return BackToHistory(firstPage: false);
        }
        if (!confirmed)
        {
            var preview = await UndoPreview.ReadAsync(db, Profile.Id, changeSet, ct);
            if (preview is null)
            {
                return NotFound();
            }
            if (preview.NeedsConfirmation)
            {
                return Redirect(Url.Page("/Edit/HistoryUndo", null, new
                {
                    slug = Profile.Slug,
                    changeSet,
                    p = PageNumber == 1 ? (int?)null : PageNumber,
                    type = ItemType,
                    id = ItemId,
                    deleted = DeletedOnly ? "true" : null,
                })!);
            }
        }
        UndoResult result;
        try
        {
            result = await RevisionRestorer.UndoAsync(db, Profile.Id, changeSet, User.IsInRole(AccountsExtensions.AdminRole), ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same records while the undo was being written: nothing was changed.
            StatusMessage = "This change could not be undone because the profile was changed at the same moment. Reload the history and try again.";
            return BackToHistory(firstPage: false);
        }
        switch (result.Status)
        {
            case UndoStatus.NotFound:
                return NotFound();
            case UndoStatus.NotUndoable:
                StatusMessage = "This change was made by an administrator (the profile's owner, visibility or trash) and cannot be undone from the profile's history.";
                return BackToHistory(firstPage: false);
            case UndoStatus.Conflict:
                // A paper this profile may no longer change is not in the way of later changes: say who can change it.
                StatusMessage = (result.Conflicts.All(c => c.Kind == UndoConflictKind.SharedRecord)
                    ? "Nothing was undone: " : "Nothing was undone, because later changes stand in the way: ") + HistoryText.UndoRefused(result.Conflicts);
                return BackToHistory(firstPage: false);
        }
        StatusMessage = "The change was undone. The undo itself is now the newest entry, so you can reverse it too." +
            string.Concat(result.KeptShared.Select(title => $" “{title}” was taken off this profile but stays on the site, because other profiles list it."));
        return BackToHistory(firstPage: true);
    }

    /// <summary>
    /// Where an undo returns without JavaScript: the same view of the history, at the message that
    /// says what happened; after a successful undo its first page, where the undo is the newest entry.
    /// </summary>
    private RedirectResult BackToHistory(bool firstPage) => Redirect(Url.Page("/Edit/History", null, new
    {
        slug = Profile.Slug,
        p = firstPage || PageNumber == 1 ? (int?)null : PageNumber,
        type = ItemType,
        id = ItemId,
        deleted = DeletedOnly ? "true" : null,
    }, protocol: null, host: null, fragment: FormLanding.Status)!);

    /// <summary>Replaced and removed photos' files are deleted at once, so an undo cannot bring one back.</summary>
    private async Task<bool> PhotoGoneAsync(Guid changeSet, CancellationToken ct)
    {
        var befores = await db.Revisions
            .Where(r => r.ResearcherId == Profile.Id && r.ChangeSet == changeSet && r.EntityType == nameof(Researcher)
                && r.ChangedFields != null && r.ChangedFields.Contains(nameof(Researcher.PhotoPath)))
            .Select(r => r.Before)
            .ToListAsync(ct);
        var directory = PhotoFiles.Directory(configuration, environment);
        foreach (var before in befores.OfType<string>())
        {
            using var document = System.Text.Json.JsonDocument.Parse(before);
            if (document.RootElement.TryGetProperty(nameof(Researcher.PhotoPath), out var path)
                && path.ValueKind == System.Text.Json.JsonValueKind.String && !PhotoFiles.Exists(directory, path.GetString()!))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many rows of one entity type a save holds.</summary>
    /// <param name="Moves">Rows that changed only an item's place in its list.</param>
    private sealed record RowKind(Guid ChangeSet, string EntityType, int Count, int Deleted, long FirstId, int ItemRows, int Moves);

    /// <summary>
    /// Reorders whose every row is read to say which item moved where; a larger one (a sort of a
    /// very long list) is summed up by its count alone.
    /// </summary>
    private const int ReorderRowsRead = 2_000;

    /// <param name="shown">The first rows of the save that the page lists.</param>
    /// <param name="kinds">The counts of all its rows, by entity type.</param>
    /// <param name="partsOnly">The save changed only parts, so the parts themselves are listed.</param>
    private ChangeSetView ToView(List<ProfileRevision> shown, List<RowKind> kinds, bool partsOnly)
    {
        int shownTotal, deleted;
        IEnumerable<(string Type, int Count, long FirstId)> parts;
        if (IsItemView)
        {
            shownTotal = kinds.Sum(k => k.ItemRows);
            deleted = shown.Count(r => r.Action == RevisionAction.Deleted) + (shownTotal - shown.Count);
            parts = kinds.Select(k => (k.EntityType, k.Count - k.ItemRows, k.FirstId));
        }
        else
        {
            var listed = kinds.Where(k => partsOnly || !HistoryText.PartTypes.Contains(k.EntityType)).ToList();
            shownTotal = listed.Sum(k => k.Count);
            deleted = listed.Sum(k => k.Deleted);
            parts = kinds.Except(listed).Select(k => (k.EntityType, k.Count, k.FirstId));
        }
        var first = shown[0];
        return new ChangeSetView(
            first.ChangeSet, first.At, By(first),
            shown.Select(r => new RevisionView(r.EntityType, r.EntityId, r.Action, Title(r), Changes(r))).ToList(),
            parts.Where(p => p.Count > 0).OrderBy(p => p.FirstId).Select(p => HistoryText.Plural(p.Type, p.Count)).ToList(),
            // Only a profile's own fields can be undoable or not; its rows are always among those shown.
            kinds.Any(k => k.EntityType != nameof(Researcher)) || shown.Any(r => RevisionRestorer.IsUndoable(r.EntityType, r.Action, r.ChangedFields)))
        {
            More = shownTotal - shown.Count,
            IsDeletion = deleted == shownTotal,
        };
    }

    /// <summary>The changed fields as the history shows them: an owner as the account's email address, never its id.</summary>
    private IReadOnlyList<RevisionFieldChange> Changes(ProfileRevision revision)
    {
        var changes = HistoryText.Changes(revision.ChangedFields, revision.Before, revision.After);
        if (revision.EntityType != nameof(Researcher))
        {
            return changes;
        }
        var owner = HistoryText.Field(nameof(Researcher.OwnerId));
        return changes.Select(c => c.Field == owner
            ? c with { Before = AccountName(c.Before), After = AccountName(c.After) }
            : c).ToList();
    }

    private Dictionary<string, string> accountNames = [];

    private Dictionary<int, string> paperTitles = [];

    private Dictionary<int, int?> paperDates = [];

    /// <summary>When an item took place, for the lists Sort by date sorts: a paper by year and month (undated last), news and talks by their date.</summary>
    private int? DateKey(ProfileRevision revision) =>
        HistoryText.PaperOf(revision) is int paper ? paperDates.GetValueOrDefault(paper) : HistoryText.DateKey(revision);

    private static async Task<Dictionary<int, int?>> PaperDatesAsync(AppDbContext db, IEnumerable<ProfileRevision> listings, CancellationToken ct)
    {
        var ids = listings.Select(HistoryText.PaperOf).OfType<int>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Publications.Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.Year == null ? (int?)null : p.Year * 100 + (p.Month ?? 0), ct);
    }

    private string? Title(ProfileRevision revision) => HistoryText.ItemTitle(revision, paperTitles);

    private string? AccountName(string? userId) =>
        userId is null ? null : accountNames.GetValueOrDefault(userId, "a deleted account");

    /// <summary>Who made a save, as the account is called now; the name it had then when the save was not made from an account.</summary>
    private string By(ProfileRevision revision) =>
        revision.UserId is null ? revision.UserName ?? "an unknown user" : AccountName(revision.UserId)!;

    /// <summary>A reorder-only save in one line; a reorder too long to read row by row, by its count.</summary>
    private string? ReorderText(Guid changeSet, List<RowKind> kinds, Dictionary<Guid, Reorder> reorders)
    {
        if (reorders.TryGetValue(changeSet, out var reorder))
        {
            return HistoryText.Reorder(reorder, Title, DateKey);
        }
        return kinds is [{ } only] && only.Moves == only.Count && only.Count > ReorderRowsRead
            ? HistoryText.Reorder(new Reorder(only.EntityType, only.Count, null, null, Above: true), Title)
            : null;
    }

    /// <summary>The accounts that made the shown saves, and those an ownership change names: one query.</summary>
    private async Task LoadAccountNamesAsync(IEnumerable<ProfileRevision> rows, CancellationToken ct)
    {
        var list = rows.ToList();
        var ids = list.Where(r => r.EntityType == nameof(Researcher) && r.ChangedFields != null && r.ChangedFields.Contains(nameof(Researcher.OwnerId), StringComparison.Ordinal))
            .SelectMany(r => new[] { OwnerIn(r.Before), OwnerIn(r.After) })
            .Concat(list.Select(r => r.UserId))
            .OfType<string>()
            .Distinct()
            .ToList();
        if (ids.Count > 0)
        {
            accountNames = await db.Users.Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? "an account", ct);
        }
    }

    /// <summary>
    /// The titles of the papers that listings and projects' related publications point to: the
    /// paper's title now, or for a paper deleted since, the title its history last recorded.
    /// </summary>
    internal static async Task<Dictionary<int, string>> PaperTitlesAsync(AppDbContext db, int researcherId, IEnumerable<ProfileRevision> revisions, CancellationToken ct)
    {
        var ids = revisions.Select(HistoryText.PaperOf).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var titles = await db.Publications.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var gone = ids.Where(id => !titles.ContainsKey(id)).ToList();
        if (gone.Count > 0)
        {
            var recorded = await db.Revisions
                .Where(r => r.ResearcherId == researcherId && r.EntityType == nameof(Publication) && gone.Contains(r.EntityId) && r.Label != null)
                .GroupBy(r => r.EntityId)
                .Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.EntityId, r.Label }).First())
                .ToListAsync(ct);
            foreach (var paper in recorded)
            {
                titles[paper.EntityId] = paper.Label!;
            }
        }
        return titles;
    }

    private static string? OwnerIn(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(nameof(Researcher.OwnerId), out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
