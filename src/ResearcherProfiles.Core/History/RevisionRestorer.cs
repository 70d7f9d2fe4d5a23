using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.History;

/// <summary>
/// Undoes a recorded change set: created records are removed, updated ones get their earlier
/// values back, deleted ones are recreated with their old keys. The undo is itself a save under
/// the caller's history scope, so it is recorded and can be undone in turn.
/// </summary>
public static class RevisionRestorer
{
    /// <returns>False when the change set does not exist for this profile.</returns>
    public static async Task<bool> UndoAsync(AppDbContext db, int researcherId, Guid changeSet, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ResearcherId == researcherId && r.ChangeSet == changeSet)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (revisions.Count == 0)
        {
            return false;
        }
        // The records found below must be tracked for their restored values to be saved, whatever
        // the context's default tracking behaviour.
        var tracking = db.ChangeTracker.QueryTrackingBehavior;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            await ApplyAsync(db, revisions, ct);
        }
        finally
        {
            db.ChangeTracker.QueryTrackingBehavior = tracking;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task ApplyAsync(AppDbContext db, List<ProfileRevision> revisions, CancellationToken ct)
    {
        foreach (var revision in revisions)
        {
            var entityType = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == revision.EntityType);
            var values = Read(entityType, revision.Action == RevisionAction.Created ? revision.After : revision.Before);
            var key = entityType.FindPrimaryKey()!.Properties.Select(p => values[p.Name]).ToArray();
            var existing = await db.FindAsync(entityType.ClrType, key, ct);
            switch (revision.Action)
            {
                case RevisionAction.Created:
                    if (existing is not null)
                    {
                        db.Remove(existing);
                    }
                    break;
                case RevisionAction.Updated when existing is not null:
                    db.Entry(existing).CurrentValues.SetValues(WithoutVersion(values));
                    break;
                case RevisionAction.Updated:
                case RevisionAction.Deleted:
                    if (existing is null)
                    {
                        var restored = Activator.CreateInstance(entityType.ClrType, nonPublic: true)!;
                        var entry = db.Entry(restored);
                        entry.CurrentValues.SetValues(values);
                        entry.State = EntityState.Added;
                    }
                    else
                    {
                        db.Entry(existing).CurrentValues.SetValues(WithoutVersion(values));
                    }
                    break;
            }
        }
    }

    private static Dictionary<string, object?> WithoutVersion(Dictionary<string, object?> values) =>
        values.Where(v => v.Key != nameof(IVersioned.Version)).ToDictionary(v => v.Key, v => v.Value);

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
