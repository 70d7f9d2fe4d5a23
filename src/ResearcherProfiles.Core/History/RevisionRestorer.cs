using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Publications;

namespace ResearcherProfiles.Core.History;

public enum UndoStatus
{
    /// <summary>The change set is not in this profile's history.</summary>
    NotFound,
    Undone,
    /// <summary>Later changes stand in the way: nothing was changed.</summary>
    Conflict,
    /// <summary>The change set holds only what a profile's history cannot undo (ownership, the profile's creation).</summary>
    NotUndoable,
}

public enum UndoConflictKind
{
    /// <summary>A field this change set wrote holds another value now.</summary>
    ChangedSince,
    /// <summary>The record this change set updated was deleted later.</summary>
    DeletedSince,
    /// <summary>A record this change set deleted belonged to something that is gone now.</summary>
    ParentMissing,
    /// <summary>The record is a paper shared with other profiles that this profile may not change.</summary>
    SharedRecord,
}

/// <summary>Why one record of a change set cannot be undone; <see cref="Current"/> is its value now, for ChangedSince.</summary>
public sealed record UndoConflict(string EntityType, string? Label, UndoConflictKind Kind, string? Field = null, string? Current = null);

/// <param name="KeptShared">Papers this undo took off the profile but left on the site, because other profiles list them.</param>
public sealed record UndoResult(UndoStatus Status, IReadOnlyList<UndoConflict> Conflicts, IReadOnlyList<string> KeptShared)
{
    public static readonly UndoResult NotFound = new(UndoStatus.NotFound, [], []);
}

/// <summary>
/// Undoes a recorded change set, and only that change set:
/// <list type="bullet">
/// <item>an update gets back the earlier values of the fields it changed, and only while those fields
/// still hold the values it wrote; other fields keep whatever later saves put there;</item>
/// <item>a created record is removed while it still is as created (its position aside), except a
/// paper that other profiles list now: only this profile's listing goes;</item>
/// <item>a deleted record is recreated with its old key, when what it belongs to still exists;</item>
/// <item>ownership, visibility and trash are the administrator's (set in the admin area) and a
/// profile's creation is not undone from its history;</item>
/// <item>a shared paper is changed only where <see cref="SharedRecords"/> allows this profile to.</item>
/// </list>
/// If anything stands in the way, nothing is changed and the conflicts are returned. The undo is
/// itself a save under the caller's history scope, so it is recorded and can be undone in turn.
/// </summary>
public static class RevisionRestorer
{
    /// <summary>Fields of a profile only administrators set, in the admin area; never undone from a profile's history.</summary>
    public static readonly IReadOnlySet<string> AdministrativeFields =
        new HashSet<string>(StringComparer.Ordinal) { nameof(Researcher.OwnerId), nameof(Researcher.IsHidden), nameof(Researcher.DeletedAt) };

    /// <summary>Bookkeeping that changes with every save and says nothing about the content.</summary>
    private static readonly HashSet<string> Bookkeeping =
        new(StringComparer.Ordinal) { nameof(IVersioned.Version), nameof(Publication.UpdatedAt), nameof(Publication.TitleKey) };

    /// <summary>Whether any revision of a change set can be undone from a profile's history.</summary>
    public static bool IsUndoable(string entityType, RevisionAction action, string? changedFields) => (entityType, action) switch
    {
        (nameof(Researcher), RevisionAction.Created or RevisionAction.Deleted) => false,
        (nameof(Researcher), RevisionAction.Updated) => Fields(changedFields).Any(f => !AdministrativeFields.Contains(f)),
        _ => true,
    };

    public static async Task<UndoResult> UndoAsync(
        AppDbContext db, int researcherId, Guid changeSet, bool administrator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ResearcherId == researcherId && r.ChangeSet == changeSet)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (revisions.Count == 0)
        {
            return UndoResult.NotFound;
        }
        var undoable = revisions.Where(r => IsUndoable(r.EntityType, r.Action, r.ChangedFields)).ToList();
        if (undoable.Count == 0)
        {
            return new UndoResult(UndoStatus.NotUndoable, [], []);
        }
        // The records found below must be tracked for their restored values to be saved, whatever
        // the context's default tracking behaviour.
        var tracking = db.ChangeTracker.QueryTrackingBehavior;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            var plan = new Plan(db, researcherId, administrator);
            await plan.ApplyAsync(undoable, ct);
            if (plan.Conflicts.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new UndoResult(UndoStatus.Conflict, plan.Conflicts, []);
            }
            await db.SaveChangesAsync(ct);
            return new UndoResult(UndoStatus.Undone, [], plan.KeptShared);
        }
        finally
        {
            db.ChangeTracker.QueryTrackingBehavior = tracking;
        }
    }

    /// <summary>
    /// What would stand in the way of undoing <paramref name="changeSet"/> now, without changing
    /// anything: the confirmation page asks before it offers an undo that would be refused.
    /// </summary>
    public static async Task<IReadOnlyList<UndoConflict>> ConflictsAsync(
        AppDbContext db, int researcherId, Guid changeSet, bool administrator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var undoable = (await db.Revisions.AsNoTracking()
                .Where(r => r.ResearcherId == researcherId && r.ChangeSet == changeSet)
                .OrderBy(r => r.Id)
                .ToListAsync(ct))
            .Where(r => IsUndoable(r.EntityType, r.Action, r.ChangedFields))
            .ToList();
        var tracking = db.ChangeTracker.QueryTrackingBehavior;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            var plan = new Plan(db, researcherId, administrator);
            await plan.ApplyAsync(undoable, ct);
            return plan.Conflicts;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.QueryTrackingBehavior = tracking;
        }
    }

    private static string[] Fields(string? changedFields) =>
        (changedFields ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class Plan(AppDbContext db, int researcherId, bool administrator)
    {
        public List<UndoConflict> Conflicts { get; } = [];
        public List<string> KeptShared { get; } = [];

        private readonly Dictionary<int, SharedRecordRights> rights = [];
        private readonly Dictionary<int, bool> listedElsewhere = [];
        /// <summary>Records this undo recreates, by type and key: their children may be recreated with them.</summary>
        private readonly HashSet<(Type, string)> recreated = [];

        public async Task ApplyAsync(List<ProfileRevision> revisions, CancellationToken ct)
        {
            var reads = revisions.Select(r =>
            {
                var entityType = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == r.EntityType);
                var values = Read(entityType, r.Action == RevisionAction.Created ? r.After : r.Before);
                return (Revision: r, Type: entityType, Values: values, After: Read(entityType, r.After));
            }).ToList();
            foreach (var read in reads.Where(x => x.Revision.Action == RevisionAction.Deleted))
            {
                recreated.Add((read.Type.ClrType, KeyText(read.Type, read.Values)));
            }
            // Later records first: children are removed before the records they belong to.
            foreach (var (revision, entityType, values, after) in Enumerable.Reverse(reads))
            {
                if (await BlockedBySharingAsync(revision, entityType, values, ct))
                {
                    continue;
                }
                var existing = await db.FindAsync(entityType.ClrType, KeyOf(entityType, values), ct);
                switch (revision.Action)
                {
                    case RevisionAction.Created:
                        await UndoCreateAsync(revision, entityType, existing, after, ct);
                        break;
                    case RevisionAction.Updated:
                        UndoUpdate(revision, entityType, existing, values, after);
                        break;
                    case RevisionAction.Deleted:
                        await UndoDeleteAsync(revision, entityType, existing, values, ct);
                        break;
                }
            }
        }

        private async Task UndoCreateAsync(ProfileRevision revision, IEntityType entityType, object? existing, Dictionary<string, object?> after, CancellationToken ct)
        {
            if (existing is null)
            {
                return;
            }
            if (existing is ProfileItem item && item.ResearcherId != researcherId)
            {
                // Another profile's listing or item: theirs to remove, never this history's.
                return;
            }
            if (PublicationOf(existing) is int publicationId && await ListedElsewhereAsync(publicationId, ct))
            {
                if (existing is Publication publication)
                {
                    KeptShared.Add(publication.Title);
                }
                return;
            }
            // Where the item stands in its list may have moved with its neighbours; removing it loses nothing.
            var changed = after.Keys.Where(name => !Bookkeeping.Contains(name) && name != nameof(ProfileItem.SortOrder) && !SameValue(db.Entry(existing).Property(name).CurrentValue, after[name])).ToList();
            if (changed.Count > 0)
            {
                Conflicts.Add(new UndoConflict(revision.EntityType, revision.Label, UndoConflictKind.ChangedSince, changed[0], Text(db.Entry(existing).Property(changed[0]).CurrentValue)));
                return;
            }
            db.Remove(existing);
        }

        private void UndoUpdate(ProfileRevision revision, IEntityType entityType, object? existing, Dictionary<string, object?> before, Dictionary<string, object?> after)
        {
            var fields = Fields(revision.ChangedFields)
                .Where(f => entityType.FindProperty(f) is not null && !Bookkeeping.Contains(f))
                .Where(f => !(entityType.ClrType == typeof(Researcher) && AdministrativeFields.Contains(f)))
                .ToList();
            if (fields.Count == 0)
            {
                return;
            }
            if (existing is null)
            {
                Conflicts.Add(new UndoConflict(revision.EntityType, revision.Label, UndoConflictKind.DeletedSince));
                return;
            }
            var entry = db.Entry(existing);
            foreach (var field in fields)
            {
                var current = entry.Property(field).CurrentValue;
                if (!SameValue(current, after.GetValueOrDefault(field)))
                {
                    Conflicts.Add(new UndoConflict(revision.EntityType, revision.Label, UndoConflictKind.ChangedSince, field, Text(current)));
                    return;
                }
            }
            foreach (var field in fields)
            {
                entry.Property(field).CurrentValue = before.GetValueOrDefault(field);
            }
        }

        private async Task UndoDeleteAsync(ProfileRevision revision, IEntityType entityType, object? existing, Dictionary<string, object?> values, CancellationToken ct)
        {
            if (existing is not null)
            {
                // Already back (restored by an earlier undo): nothing to do.
                return;
            }
            foreach (var foreignKey in entityType.GetForeignKeys())
            {
                var principal = foreignKey.PrincipalEntityType;
                if (principal.ClrType == typeof(AppUser) || foreignKey.Properties.Count != 1
                    || values.GetValueOrDefault(foreignKey.Properties[0].Name) is not { } parentKey)
                {
                    continue;
                }
                if (!recreated.Contains((principal.ClrType, Convert.ToString(parentKey, System.Globalization.CultureInfo.InvariantCulture)!)) && await db.FindAsync(principal.ClrType, [parentKey], ct) is null)
                {
                    Conflicts.Add(new UndoConflict(revision.EntityType, revision.Label, UndoConflictKind.ParentMissing, Current: principal.ClrType.Name));
                    return;
                }
            }
            var restored = Activator.CreateInstance(entityType.ClrType, nonPublic: true)!;
            var entry = db.Entry(restored);
            entry.CurrentValues.SetValues(values);
            entry.State = EntityState.Added;
        }

        /// <summary>A shared paper this profile may not change: the revision is a conflict.</summary>
        private async Task<bool> BlockedBySharingAsync(ProfileRevision revision, IEntityType entityType, Dictionary<string, object?> values, CancellationToken ct)
        {
            var publicationId = entityType.ClrType == typeof(Publication) ? values.GetValueOrDefault(nameof(Publication.Id)) as int?
                : entityType.ClrType == typeof(PublicationAuthor) || entityType.ClrType == typeof(PublicationLink)
                    ? values.GetValueOrDefault(nameof(PublicationAuthor.PublicationId)) as int?
                    : null;
            if (publicationId is not int id)
            {
                return false;
            }
            if (!rights.TryGetValue(id, out var right))
            {
                right = await SharedRecords.RightsAsync(db, id, researcherId, administrator, ct);
                rights[id] = right;
            }
            if (right.CanEdit || revision.Action == RevisionAction.Created)
            {
                // Undoing a creation never touches what others list (see UndoCreateAsync).
                return false;
            }
            Conflicts.Add(new UndoConflict(revision.EntityType, revision.Label, UndoConflictKind.SharedRecord, Current: SharedRecords.Names(right.ListedOn)));
            return true;
        }

        private async Task<bool> ListedElsewhereAsync(int publicationId, CancellationToken ct)
        {
            if (!listedElsewhere.TryGetValue(publicationId, out var listed))
            {
                listed = await db.ProfilePublications.AsNoTracking()
                    .AnyAsync(pp => pp.PublicationId == publicationId && pp.ResearcherId != researcherId, ct);
                listedElsewhere[publicationId] = listed;
            }
            return listed;
        }

        private static int? PublicationOf(object entity) => entity switch
        {
            Publication p => p.Id,
            PublicationAuthor a => a.PublicationId,
            PublicationLink l => l.PublicationId,
            _ => null,
        };
    }

    private static object?[] KeyOf(IEntityType entityType, Dictionary<string, object?> values) =>
        entityType.FindPrimaryKey()!.Properties.Select(p => values.GetValueOrDefault(p.Name)).ToArray();

    /// <summary>A key as one comparable value: the single key value, or the parts joined.</summary>
    private static string KeyText(IEntityType entityType, Dictionary<string, object?> values) =>
        string.Join('|', KeyOf(entityType, values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    private static bool SameValue(object? current, object? recorded) =>
        JsonSerializer.Serialize(Stored(current), RevisionRecorder.Json) == JsonSerializer.Serialize(Stored(recorded), RevisionRecorder.Json);

    /// <summary>
    /// A value as every database keeps it. History records times as they were in memory, to the
    /// tick (100 ns); PostgreSQL keeps microseconds, so a time read back differs in its last digit
    /// from the one recorded although nobody changed it.
    /// </summary>
    private static object? Stored(object? value) => value switch
    {
        DateTimeOffset time => time.AddTicks(-(time.Ticks % 10)),
        DateTime time => time.AddTicks(-(time.Ticks % 10)),
        _ => value,
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, object?> Read(IEntityType entityType, string? json)
    {
        var values = new Dictionary<string, object?>();
        if (json is null)
        {
            return values;
        }
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (entityType.FindProperty(property.Name) is { } mapped && !mapped.IsShadowProperty())
            {
                values[property.Name] = property.Value.Deserialize(mapped.ClrType, RevisionRecorder.Json);
            }
        }
        return values;
    }
}
