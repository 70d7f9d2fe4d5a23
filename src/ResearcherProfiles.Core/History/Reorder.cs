using System.Text.Json;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.History;

/// <summary>
/// A save that only changed the order of one list (Move up, a drag, Sort by date), read from its
/// revisions: either one item moved past others (<see cref="Item"/> above or below <see cref="Neighbour"/>),
/// or many items put in a new order (<see cref="Moved"/> of them changed place).
/// </summary>
/// <param name="Item">The item that moved, when one item moving explains the whole change.</param>
/// <param name="Neighbour">The item it now stands next to: below it when <see cref="Above"/>, else above it.</param>
/// <param name="Swap">Two items exchanged places that other items may stand between.</param>
public sealed record Reorder(string EntityType, int Moved, ProfileRevision? Item, ProfileRevision? Neighbour, bool Above, bool Swap = false)
{
    public bool IsSingleMove => Item is not null && Neighbour is not null && !Swap;

    /// <summary>The changed items in their new order, first to last.</summary>
    public IReadOnlyList<ProfileRevision> NewOrder { get; init; } = [];

    /// <summary>The reorder the revisions of one save make, or null when they change anything but places in one list.</summary>
    public static Reorder? Of(IReadOnlyList<ProfileRevision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0 || revisions.Any(r => !IsReorderRow(r)) || revisions.Select(r => r.EntityType).Distinct().Count() != 1)
        {
            return null;
        }
        var rows = new List<(ProfileRevision Revision, int Before, int After)>(revisions.Count);
        foreach (var revision in revisions)
        {
            if (SortOrder(revision.Before) is not int before || SortOrder(revision.After) is not int after)
            {
                return null;
            }
            rows.Add((revision, before, after));
        }
        // The lists' own order: by place, ties by age (id).
        var old = rows.OrderBy(r => r.Before).ThenBy(r => r.Revision.EntityId).Select(r => r.Revision).ToList();
        var now = rows.OrderBy(r => r.After).ThenBy(r => r.Revision.EntityId).Select(r => r.Revision).ToList();
        var first = 0;
        while (first < old.Count && old[first] == now[first])
        {
            first++;
        }
        var last = old.Count - 1;
        while (last > first && old[last] == now[last])
        {
            last--;
        }
        var moved = Enumerable.Range(0, old.Count).Count(i => old[i] != now[i]);
        var entityType = revisions[0].EntityType;
        if (first >= last)
        {
            // Places renumbered without any item passing another.
            return new Reorder(entityType, 0, null, null, Above: true);
        }
        // Only the changed items are recorded: one of them moving past the others is one move only
        // when no unchanged item stood between them, that is when their places were, or are, a run.
        var run = IsRun(rows.Select(r => r.Before)) || IsRun(rows.Select(r => r.After));
        if (!run)
        {
            return moved == 2 && old.Count == 2
                ? new Reorder(entityType, 2, now[0], now[1], Above: true, Swap: true)
                : new Reorder(entityType, moved, null, null, Above: true) { NewOrder = now };
        }
        // One item taken from the end of the changed stretch to its start: it moved up, above the next.
        if (now[first] == old[last] && now.Skip(first + 1).Take(last - first).SequenceEqual(old.Skip(first).Take(last - first)))
        {
            return new Reorder(entityType, moved, now[first], now[first + 1], Above: true);
        }
        if (now[last] == old[first] && now.Skip(first).Take(last - first).SequenceEqual(old.Skip(first + 1).Take(last - first)))
        {
            return new Reorder(entityType, moved, now[last], now[last - 1], Above: false);
        }
        return new Reorder(entityType, moved, null, null, Above: true) { NewOrder = now };
    }

    private static bool IsRun(IEnumerable<int> places)
    {
        var list = places.Distinct().ToList();
        return list.Count > 0 && list.Max() - list.Min() == list.Count - 1;
    }

    /// <summary>An update of a list item's place and nothing else.</summary>
    public static bool IsReorderRow(ProfileRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.Action == RevisionAction.Updated && revision.ChangedFields == nameof(ProfileItem.SortOrder);
    }

    private static int? SortOrder(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(nameof(ProfileItem.SortOrder), out var value) && value.TryGetInt32(out var order) ? order : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
