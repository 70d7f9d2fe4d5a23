using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// What the editor's ordered lists (sections and publications) share: moving an item to a place
/// in the list, and bringing back an item just deleted from it.
/// </summary>
public static class ListActions
{
    /// <summary>
    /// Moves the item at <paramref name="index"/> to <paramref name="target"/> (both from 0, within
    /// the list) and numbers the list as it then stands (<see cref="ListOrder.Renumber"/>).
    /// </summary>
    public static void Move<T>(List<T> items, int index, int target)
        where T : ProfileItem
    {
        ArgumentNullException.ThrowIfNull(items);
        var item = items[index];
        items.RemoveAt(index);
        items.Insert(target, item);
        ListOrder.Renumber(items);
    }

    /// <summary>The save (change set) that deleted this profile's <paramref name="entityType"/> with id <paramref name="entityId"/>, the latest if several.</summary>
    public static Task<Guid?> DeletionAsync(AppDbContext db, int researcherId, string entityType, int entityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Revisions
            .Where(r => r.ResearcherId == researcherId && r.EntityType == entityType && r.EntityId == entityId && r.Action == RevisionAction.Deleted)
            .OrderByDescending(r => r.Id)
            .Select(r => (Guid?)r.ChangeSet)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>What an Undo beside a deletion did: the item it concerns, and whether it is back.</summary>
    /// <param name="Problem">Why nothing was restored, in words for the person; null when it was.</param>
    public sealed record Restore(int EntityId, string? Problem);

    /// <summary>
    /// Undoes the save <paramref name="changeSet"/> through the history (<see cref="RevisionRestorer"/>),
    /// so exactly what History would bring back comes back, recorded as an undo. Only a save in this
    /// profile's history that deleted a <paramref name="entityType"/> qualifies: null for anything
    /// else, which the page answers with 404.
    /// </summary>
    public static async Task<Restore?> RestoreAsync(
        AppDbContext db, int researcherId, string entityType, Guid changeSet, bool administrator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deleted = await db.Revisions
            .Where(r => r.ResearcherId == researcherId && r.ChangeSet == changeSet && r.EntityType == entityType && r.Action == RevisionAction.Deleted)
            .OrderBy(r => r.Id)
            .Select(r => (int?)r.EntityId)
            .FirstOrDefaultAsync(ct);
        if (deleted is not int entityId)
        {
            return null;
        }
        UndoResult result;
        try
        {
            result = await RevisionRestorer.UndoAsync(db, researcherId, changeSet, administrator, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Restore(entityId, "Nothing was restored, because the profile was changed at the same moment. Try Undo again.");
        }
        return result.Status switch
        {
            UndoStatus.Undone => new Restore(entityId, null),
            UndoStatus.Conflict => new Restore(entityId,
                "Nothing was restored, because later changes stand in the way: " + string.Join(" ", result.Conflicts.Select(HistoryText.Conflict)) + " History shows them."),
            UndoStatus.NotFound => null,
            _ => new Restore(entityId, "This deletion cannot be undone here; History shows what can."),
        };
    }
}
