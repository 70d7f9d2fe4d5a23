using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The step before an undo that changes more than the one field its entry shows: what it will
/// change, and a button that undoes it (posting to the history's Undo handler, confirmed). A plain
/// page and form, so it works without JavaScript; the filters of the history view it came from
/// (?p, ?type, ?id, ?deleted) go along, so Cancel and the undo return to that view.
/// </summary>
public sealed class HistoryUndoModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    [FromRoute]
    public Guid ChangeSet { get; set; }

    [FromQuery(Name = "p")]
    public int? PageNumber { get; set; }

    [FromQuery(Name = "type")]
    public string? ItemType { get; set; }

    [FromQuery(Name = "id")]
    public int? ItemId { get; set; }

    [FromQuery(Name = "deleted")]
    public bool DeletedOnly { get; set; }

    public UndoPreview Preview { get; private set; } = null!;

    /// <summary>Why the undo cannot go ahead now, in sentences; null when it can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var preview = await UndoPreview.ReadAsync(db, Profile.Id, ChangeSet, ct);
        if (preview is null)
        {
            return NotFound();
        }
        Preview = preview;
        var conflicts = await RevisionRestorer.ConflictsAsync(db, Profile.Id, ChangeSet, User.IsInRole(Startup.AccountsExtensions.AdminRole), ct);
        Refusal = conflicts.Count > 0 ? HistoryText.UndoRefused(conflicts) : null;
        return Page();
    }

    /// <summary>The history view the undo was pressed in.</summary>
    public object HistoryRoute => new
    {
        slug = Profile.Slug,
        p = PageNumber is null or <= 1 ? null : PageNumber,
        type = ItemType,
        id = ItemId,
        deleted = DeletedOnly ? "true" : null,
    };
}

/// <summary>
/// What undoing one save of a profile's history will change, line by line, as the confirmation
/// page lists it: the fields that go back, the items removed or brought back, a move reversed,
/// and the other profiles that list a shared paper the undo changes.
/// </summary>
/// <param name="Count">How many changes the undo makes: lines, or for a reorder the items that move.</param>
/// <param name="SharedWith">Other profiles listing a paper this undo changes: they see the change too.</param>
public sealed record UndoPreview(IReadOnlyList<string> Changes, int Count, IReadOnlyList<string> SharedWith)
{
    /// <summary>More than one field, item or place changes, or a paper others list: the undo asks first.</summary>
    public bool NeedsConfirmation => Count > 1 || SharedWith.Count > 0;

    /// <summary>The preview of undoing <paramref name="changeSet"/> in this profile's history; null when the history has no such save.</summary>
    public static async Task<UndoPreview?> ReadAsync(AppDbContext db, int researcherId, Guid changeSet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ResearcherId == researcherId && r.ChangeSet == changeSet)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (revisions.Count == 0)
        {
            return null;
        }
        var undoable = revisions.Where(r => RevisionRestorer.IsUndoable(r.EntityType, r.Action, r.ChangedFields)).ToList();
        var titles = await HistoryModel.PaperTitlesAsync(db, researcherId, undoable, ct);
        string? Title(ProfileRevision r) => HistoryText.ItemTitle(r, titles);

        var changes = new List<string>();
        int count;
        if (Reorder.Of(undoable) is { } reorder)
        {
            if (reorder.IsSingleMove || reorder.Swap)
            {
                changes.Add($"{HistoryText.Reorder(reorder, Title)}: {(reorder.Swap ? "they go" : "it goes")} back to where {(reorder.Swap ? "they were" : "it was")}.");
                count = 1;
            }
            else
            {
                changes.Add($"{reorder.Moved:N0} {HistoryText.ListName(reorder.EntityType)} go back to their earlier places.");
                count = reorder.Moved;
            }
        }
        else
        {
            changes.AddRange(Lines(undoable, Title));
            count = changes.Count;
        }
        return new UndoPreview(changes, count, await SharedWithAsync(db, researcherId, undoable, ct));
    }

    private static IEnumerable<string> Lines(List<ProfileRevision> undoable, Func<ProfileRevision, string?> title)
    {
        // A paper removed or added with its listing is one item, told once.
        var papers = undoable.Where(r => r.EntityType == nameof(Publication)).Select(r => (r.EntityId, r.Action)).ToHashSet();
        // Parts (authors, links) go with a parent created or deleted in the same save.
        var wholes = undoable.Where(r => r.Action != RevisionAction.Updated).Select(r => (r.EntityType, r.EntityId)).ToHashSet();
        foreach (var revision in undoable)
        {
            if (revision.EntityType == nameof(ProfilePublication) && HistoryText.PaperOf(revision) is int paper && papers.Contains((paper, revision.Action)))
            {
                continue;
            }
            if (HistoryText.PartTypes.Contains(revision.EntityType))
            {
                if (Parent(revision) is { } parent && wholes.Contains(parent))
                {
                    continue;
                }
            }
            var what = title(revision) is { } name
                ? $"{HistoryText.Entity(revision.EntityType).ToLowerInvariant()} “{name}”"
                : HistoryText.Entity(revision.EntityType).ToLowerInvariant();
            switch (revision.Action)
            {
                case RevisionAction.Created:
                    yield return $"The {what} is removed.";
                    break;
                case RevisionAction.Deleted:
                    yield return $"The {what} comes back.";
                    break;
                default:
                    var fields = string.Join(", ", (revision.ChangedFields ?? string.Empty)
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(f => !(revision.EntityType == nameof(Researcher) && RevisionRestorer.AdministrativeFields.Contains(f))));
                    foreach (var change in HistoryText.Changes(fields, revision.Before, revision.After))
                    {
                        yield return $"{change.Field} of the {what} goes back to “{change.Before ?? "(empty)"}”.";
                    }
                    break;
            }
        }
    }

    /// <summary>The record a part belongs to, by type and id, from its values.</summary>
    private static (string, int)? Parent(ProfileRevision part)
    {
        var (type, key) = part.EntityType switch
        {
            nameof(PublicationAuthor) or nameof(PublicationLink) => (nameof(Publication), nameof(PublicationAuthor.PublicationId)),
            nameof(ProjectLink) or nameof(ProjectPublication) => (nameof(Project), nameof(ProjectLink.ProjectId)),
            _ => (string.Empty, string.Empty),
        };
        if (type.Length == 0)
        {
            return null;
        }
        using var document = System.Text.Json.JsonDocument.Parse(part.After ?? part.Before ?? "{}");
        return document.RootElement.TryGetProperty(key, out var id) && id.TryGetInt32(out var value) ? (type, value) : null;
    }

    /// <summary>Other profiles listing a paper whose record, authors or links this undo would change back.</summary>
    private static async Task<IReadOnlyList<string>> SharedWithAsync(AppDbContext db, int researcherId, List<ProfileRevision> undoable, CancellationToken ct)
    {
        var ids = undoable
            .Where(r => r.Action != RevisionAction.Created && r.EntityType is nameof(Publication) or nameof(PublicationAuthor) or nameof(PublicationLink))
            .Select(r => r.EntityType == nameof(Publication) ? (int?)r.EntityId : Parent(r)?.Item2)
            .OfType<int>()
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.ProfilePublications
            .Where(pp => ids.Contains(pp.PublicationId) && pp.ResearcherId != researcherId)
            .Select(pp => pp.Researcher!.DisplayName)
            .Distinct()
            .OrderBy(name => name)
            .ToListAsync(ct);
    }
}
