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
        Guid ChangeSet, DateTimeOffset At, string? UserName, IReadOnlyList<RevisionView> Shown, IReadOnlyList<string> PartSummary, bool CanUndo)
    {
        /// <summary>A save that only deleted things is undone by restoring them.</summary>
        public bool IsDeletion => Shown.All(r => r.Action == RevisionAction.Deleted);
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
        var rows = await db.Revisions
            .Where(r => r.ResearcherId == Profile.Id && keys.Contains(r.ChangeSet))
            .OrderBy(r => r.Id)
            .ToListAsync(ct);

        await LoadAccountNamesAsync(rows, ct);
        ChangeSets = rows.GroupBy(r => r.ChangeSet)
            .OrderByDescending(g => g.Max(r => r.Id))
            .Select(ToView)
            .ToList();
        if (IsItemView)
        {
            ItemTitle = rows.Where(r => r.EntityType == ItemType && r.EntityId == ItemId)
                .OrderByDescending(r => r.Id).Select(r => r.Label).FirstOrDefault();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUndoAsync([FromForm] Guid changeSet, CancellationToken ct)
    {
        if (await PhotoGoneAsync(changeSet, ct))
        {
            StatusMessage = "This change cannot be undone: the earlier photo's file was deleted from the server when it was replaced or removed. Upload it again on the Photo page.";
            return RedirectToPage();
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
            return RedirectToPage();
        }
        switch (result.Status)
        {
            case UndoStatus.NotFound:
                return NotFound();
            case UndoStatus.NotUndoable:
                StatusMessage = "This change was made by an administrator (the profile's owner, visibility or trash) and cannot be undone from the profile's history.";
                return RedirectToPage();
            case UndoStatus.Conflict:
                StatusMessage = "Nothing was undone, because later changes stand in the way: " +
                    string.Join(" ", result.Conflicts.Select(HistoryText.Conflict)) +
                    " Undo the later changes first, or edit the item directly.";
                return RedirectToPage();
        }
        StatusMessage = "The change was undone. The undo itself is now the newest entry, so you can reverse it too." +
            string.Concat(result.KeptShared.Select(title => $" “{title}” was taken off this profile but stays on the site, because other profiles list it."));
        return RedirectToPage();
    }

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

    private ChangeSetView ToView(IGrouping<Guid, ProfileRevision> set)
    {
        var all = set.ToList();
        IEnumerable<ProfileRevision> shown = IsItemView
            ? all.Where(r => r.EntityType == ItemType && r.EntityId == ItemId)
            : all.Where(r => !HistoryText.PartTypes.Contains(r.EntityType));
        var shownList = shown.ToList();
        if (shownList.Count == 0)
        {
            shownList = all;
        }
        var parts = all.Except(shownList)
            .GroupBy(r => r.EntityType)
            .Select(g => HistoryText.Plural(g.Key, g.Count()))
            .ToList();
        var first = all[0];
        return new ChangeSetView(
            set.Key, first.At, first.UserName,
            shownList.Select(r => new RevisionView(r.EntityType, r.EntityId, r.Action, r.Label, Changes(r))).ToList(),
            parts,
            all.Any(r => RevisionRestorer.IsUndoable(r.EntityType, r.Action, r.ChangedFields)));
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

    private string? AccountName(string? userId) =>
        userId is null ? null : accountNames.GetValueOrDefault(userId, "a deleted account");

    private async Task LoadAccountNamesAsync(IEnumerable<ProfileRevision> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.EntityType == nameof(Researcher) && r.ChangedFields != null && r.ChangedFields.Contains(nameof(Researcher.OwnerId), StringComparison.Ordinal))
            .SelectMany(r => new[] { OwnerIn(r.Before), OwnerIn(r.After) })
            .OfType<string>()
            .Distinct()
            .ToList();
        if (ids.Count > 0)
        {
            accountNames = await db.Users.Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? "an account", ct);
        }
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
