using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.History;

/// <summary>
/// Turns the tracked changes of a save into <see cref="ProfileRevision"/> rows: captured before
/// the save (original values, which fields changed), completed after it (generated keys, new values).
/// </summary>
public static class RevisionRecorder
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public sealed record Pending(EntityEntry Entry, RevisionAction Action, string? Before, string? ChangedFields);

    public static bool IsRecorded(Type type) => RecordNames.IsRecorded(type);

    public static List<Pending> Capture(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!RecordNames.IsRecorded(entry.Metadata.ClrType))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, RevisionAction.Created, null, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, RevisionAction.Deleted, Snapshot(entry, original: true), null));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties
                        .Where(p => p.IsModified && p.Metadata.Name is not nameof(IVersioned.Version) and not "UpdatedAt" and not nameof(Publication.TitleKey)
                            && !StoredMarkdown.DerivedProperties.Contains(p.Metadata.Name)
                            && !Equals(p.OriginalValue, p.CurrentValue) && !SameJson(p.OriginalValue, p.CurrentValue))
                        .Select(p => p.Metadata.Name)
                        .ToList();
                    if (changed.Count > 0)
                    {
                        pending.Add(new Pending(entry, RevisionAction.Updated, Snapshot(entry, original: true), string.Join(", ", changed)));
                    }
                    break;
            }
        }
        return pending;
    }

    /// <summary>
    /// The publications the pending changes touch (a shared record, its authors or links), by id:
    /// their changes belong in the history of every profile that lists them.
    /// </summary>
    public static HashSet<int> SharedRecordIds(IReadOnlyList<Pending> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var ids = new HashSet<int>();
        foreach (var p in pending)
        {
            if (PublicationOf(p) is int id and > 0)
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>The profiles listing each of these publications right now: one query.</summary>
    public static async Task<Dictionary<int, HashSet<int>>> ListingsAsync(AppDbContext db, HashSet<int> publicationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publicationIds);
        if (publicationIds.Count == 0)
        {
            return [];
        }
        var ids = publicationIds.ToList();
        var rows = await db.ProfilePublications.AsNoTracking()
            .Where(pp => ids.Contains(pp.PublicationId))
            .Select(pp => new { pp.PublicationId, pp.ResearcherId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PublicationId).ToDictionary(g => g.Key, g => g.Select(r => r.ResearcherId).ToHashSet());
    }

    /// <summary>
    /// The revisions of a save. Each lands in the history of the profile it belongs to: a profile's
    /// own items in that profile's (a co-author's listing added by this save in the co-author's),
    /// a shared publication's changes in the history of every profile listing it, before or after
    /// the save, and of the profile the save was made from.
    /// </summary>
    public static IEnumerable<ProfileRevision> Complete(
        IReadOnlyList<Pending> pending, HistoryScope scope, DateTimeOffset at, IReadOnlyDictionary<int, HashSet<int>> listings)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(listings);
        var changeSet = scope.ChangeSet ?? Guid.NewGuid();
        // A profile deleted by this save takes its history with it: nothing is written for it.
        var deletedProfiles = pending.Where(p => p.Action == RevisionAction.Deleted && p.Entry.Entity is Researcher)
            .Select(p => Value<int>(p.Entry, nameof(Researcher.Id)))
            .ToHashSet();
        foreach (var p in pending)
        {
            var after = p.Action == RevisionAction.Deleted ? null : Snapshot(p.Entry, original: false);
            var key = p.Entry.Metadata.FindPrimaryKey()!.Properties;
            var entityId = key.Count == 1 && p.Entry.Property(key[0].Name).CurrentValue is int id ? id : 0;
            var label = Label(p.Entry);
            foreach (var researcherId in Profiles(p, scope, listings).Where(id => !deletedProfiles.Contains(id)))
            {
                yield return new ProfileRevision
                {
                    ChangeSet = changeSet,
                    ResearcherId = researcherId,
                    At = at,
                    UserId = scope.UserId,
                    UserName = scope.UserName,
                    EntityType = p.Entry.Metadata.ClrType.Name,
                    EntityId = entityId,
                    Action = p.Action,
                    Label = label,
                    ChangedFields = p.ChangedFields,
                    Before = p.Before,
                    After = after,
                };
            }
        }
    }

    private static SortedSet<int> Profiles(Pending p, HistoryScope scope, IReadOnlyDictionary<int, HashSet<int>> listings)
    {
        var entry = p.Entry;
        switch (entry.Entity)
        {
            case Researcher:
                return [Value<int>(entry, nameof(Researcher.Id))];
            case ProfileItem:
                return [Value<int>(entry, nameof(ProfileItem.ResearcherId))];
        }
        if (PublicationOf(p) is int publicationId)
        {
            var profiles = new SortedSet<int> { scope.ResearcherId };
            if (listings.TryGetValue(publicationId, out var listing))
            {
                profiles.UnionWith(listing);
            }
            return profiles;
        }
        return [scope.ResearcherId];
    }

    private static int? PublicationOf(Pending p)
    {
        return p.Entry.Entity switch
        {
            Publication => Value<int>(p.Entry, nameof(Publication.Id)),
            PublicationAuthor => Value<int>(p.Entry, nameof(PublicationAuthor.PublicationId)),
            PublicationLink => Value<int>(p.Entry, nameof(PublicationLink.PublicationId)),
            _ => null,
        };
    }

    // Owner and parent keys never change in a save, so the current value serves deleted records too.
    private static T Value<T>(EntityEntry entry, string property) => (T)entry.Property(property).CurrentValue!;

    /// <summary>The record's mapped values by property name, as JSON.</summary>
    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties
            .Where(p => !p.Metadata.IsShadowProperty() && !StoredMarkdown.DerivedProperties.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, Json);
    }

    private static bool SameJson(object? a, object? b) =>
        a is not null && b is not null && !a.GetType().IsPrimitive
        && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    /// <summary>The item's name (<see cref="RecordNames"/>); a listing is named by its paper when the paper is at hand.</summary>
    private static string? Label(EntityEntry entry)
    {
        if (entry.Entity is ProfilePublication { Publication: { } paper })
        {
            return RecordNames.Shorten(paper.Title);
        }
        return RecordNames.Title(entry.Metadata.ClrType.Name,
            name => entry.Metadata.FindProperty(name) is null ? null : entry.Property(name).CurrentValue as string);
    }
}
