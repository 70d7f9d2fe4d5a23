using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's history, one entry per save (change set), newest first; any entry can be undone,
/// which brings back deleted items and earlier versions. ?type=NewsItem&amp;id=5 narrows it to one record.
/// </summary>
public sealed class HistoryModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
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

    public sealed record RevisionView(
        string EntityType, int EntityId, RevisionAction Action, string? Label, IReadOnlyList<RevisionFieldChange> Changes)
    {
        public bool CanShowItemHistory => EntityId > 0 && !HistoryText.PartTypes.Contains(EntityType);
    }

    public sealed record ChangeSetView(
        Guid ChangeSet, DateTimeOffset At, string? UserName, IReadOnlyList<RevisionView> Shown, IReadOnlyList<string> PartSummary)
    {
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
                g.Count(r => r.EntityType == ItemType && r.EntityId == ItemId)))
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

        ChangeSets = sets.Take(PageSize)
            .Where(s => rows[s.ChangeSet].Any())
            .Select(s => ToView(rows[s.ChangeSet].OrderBy(r => r.Id).ToList(), kindsBySet[s.ChangeSet].ToList(), partsOnly.Contains(s.ChangeSet)))
            .ToList();
        if (IsItemView)
        {
            ItemTitle = rows.SelectMany(g => g)
                .OrderByDescending(r => r.Id).Select(r => r.Label).FirstOrDefault();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUndoAsync([FromForm] Guid changeSet, CancellationToken ct)
    {
        bool undone;
        try
        {
            undone = await RevisionRestorer.UndoAsync(db, Profile.Id, changeSet, ct);
        }
        catch (DbUpdateException)
        {
            // E.g. restoring an author of a publication that a later save deleted: undo that later save first.
            StatusMessage = "This change could not be undone because later changes depend on it. Undo the later changes first.";
            return RedirectToPage();
        }
        if (!undone)
        {
            return NotFound();
        }
        StatusMessage = "The change was undone. The undo itself is now the newest entry, so you can reverse it too.";
        return RedirectToPage();
    }

    /// <summary>How many rows of one entity type a save holds.</summary>
    private sealed record RowKind(Guid ChangeSet, string EntityType, int Count, int Deleted, long FirstId, int ItemRows);

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
            first.ChangeSet, first.At, first.UserName,
            shown.Select(r => new RevisionView(r.EntityType, r.EntityId, r.Action, r.Label, HistoryText.Changes(r.ChangedFields, r.Before, r.After))).ToList(),
            parts.Where(p => p.Count > 0).OrderBy(p => p.FirstId).Select(p => HistoryText.Plural(p.Type, p.Count)).ToList())
        {
            More = shownTotal - shown.Count,
            IsDeletion = deleted == shownTotal,
        };
    }
}
