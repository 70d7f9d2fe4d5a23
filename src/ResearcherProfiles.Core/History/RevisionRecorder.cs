using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.History;

/// <summary>
/// Turns the tracked changes of a save into <see cref="ProfileRevision"/> rows: captured before
/// the save (original values, which fields changed), completed after it (generated keys, new values).
/// </summary>
public static class RevisionRecorder
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Profile content: everything except accounts, invitations and the history itself.</summary>
    private static readonly HashSet<Type> Recorded =
    [
        typeof(Researcher), typeof(ProfileLink), typeof(Education), typeof(Position), typeof(NewsItem),
        typeof(Award), typeof(ServiceRole), typeof(Talk), typeof(WritingItem), typeof(Project),
        typeof(ProjectLink), typeof(ProjectPublication), typeof(Publication), typeof(PublicationAuthor),
        typeof(PublicationLink), typeof(ProfilePublication),
    ];

    private static readonly string[] LabelProperties =
        ["DisplayName", "Title", "Degree", "Name", "Role", "BodyMarkdown", "Label", "Url"];

    public sealed record Pending(EntityEntry Entry, RevisionAction Action, string? Before, string? ChangedFields);

    public static bool IsRecorded(Type type) => Recorded.Contains(type);

    public static List<Pending> Capture(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!Recorded.Contains(entry.Metadata.ClrType))
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

    public static IEnumerable<ProfileRevision> Complete(IReadOnlyList<Pending> pending, HistoryScope scope, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(scope);
        var changeSet = Guid.NewGuid();
        return pending.Select(p =>
        {
            var after = p.Action == RevisionAction.Deleted ? null : Snapshot(p.Entry, original: false);
            var key = p.Entry.Metadata.FindPrimaryKey()!.Properties;
            return new ProfileRevision
            {
                ChangeSet = changeSet,
                ResearcherId = scope.ResearcherId,
                At = at,
                UserId = scope.UserId,
                UserName = scope.UserName,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = key.Count == 1 && p.Entry.Property(key[0].Name).CurrentValue is int id ? id : 0,
                Action = p.Action,
                Label = Label(p.Entry),
                ChangedFields = p.ChangedFields,
                Before = p.Before,
                After = after,
            };
        });
    }

    /// <summary>The record's mapped values by property name, as JSON.</summary>
    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties
            .Where(p => !p.Metadata.IsShadowProperty())
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, Json);
    }

    private static bool SameJson(object? a, object? b) =>
        a is not null && b is not null && !a.GetType().IsPrimitive
        && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    private static string? Label(EntityEntry entry)
    {
        foreach (var name in LabelProperties)
        {
            if (entry.Metadata.FindProperty(name) is not null && entry.Property(name).CurrentValue is string { Length: > 0 } text)
            {
                return text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "…");
            }
        }
        return null;
    }
}
