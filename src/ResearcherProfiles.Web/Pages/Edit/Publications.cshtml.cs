using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's publication list: order, visibility and selection are this profile's own
/// (<see cref="ProfilePublication"/>); the papers themselves are shared with co-authors.
/// </summary>
public sealed class PublicationsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public enum Operation
    {
        MoveUp,
        MoveDown,
        Hide,
        Show,
        Highlight,
        Unhighlight,
        Remove,
    }

    public sealed record Row(
        int Id, int PublicationId, string Title, int? Year, string? Venue, string Authors,
        bool IsVisible, bool IsHighlighted, int OtherProfiles);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Papers co-authors linked this profile to, waiting for its owner's consent.</summary>
    public int Suggestions { get; private set; }

    /// <summary>Set after a removal, whose way back is the history page.</summary>
    [TempData]
    public bool StatusLinksToHistory { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Suggestions = await db.PublicationSuggestions.CountAsync(s => s.ResearcherId == Profile.Id, ct);
        var entries = await db.ProfilePublications
            .Where(pp => pp.ResearcherId == Profile.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id)
            .Select(pp => new
            {
                pp.Id,
                pp.PublicationId,
                pp.Publication!.Title,
                pp.Publication.Year,
                Venue = pp.Publication.VenueShort ?? pp.Publication.VenueName,
                pp.IsVisible,
                pp.IsHighlighted,
                OtherProfiles = pp.Publication.Profiles.Count(o => o.ResearcherId != Profile.Id),
            })
            .ToListAsync(ct);
        var ids = entries.Select(e => e.PublicationId).ToList();
        var authors = (await db.PublicationAuthors
                .Where(a => ids.Contains(a.PublicationId))
                .OrderBy(a => a.Position)
                .Select(a => new { a.PublicationId, a.Name })
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId, a => a.Name);
        Rows = entries.Select(e => new Row(
                e.Id, e.PublicationId, e.Title, e.Year, e.Venue, ShortAuthorList(authors[e.PublicationId].ToList()),
                e.IsVisible, e.IsHighlighted, e.OtherProfiles))
            .ToList();
    }

    public async Task<IActionResult> OnPostItemAsync([FromForm] int id, [FromForm] Operation operation, CancellationToken ct)
    {
        var entries = await db.ProfilePublications.AsTracking()
            .Include(pp => pp.Publication)
            .Where(pp => pp.ResearcherId == Profile.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id)
            .ToListAsync(ct);
        var index = entries.FindIndex(pp => pp.Id == id);
        if (index < 0)
        {
            return NotFound();
        }
        var entry = entries[index];
        var title = entry.Publication!.Title;
        switch (operation)
        {
            case Operation.MoveUp or Operation.MoveDown:
                var target = operation == Operation.MoveUp ? index - 1 : index + 1;
                if (target >= 0 && target < entries.Count)
                {
                    (entries[index], entries[target]) = (entries[target], entries[index]);
                }
                for (var i = 0; i < entries.Count; i++)
                {
                    entries[i].SortOrder = i;
                }
                StatusMessage = $"Moved “{title}” {(operation == Operation.MoveUp ? "up" : "down")}.";
                break;
            case Operation.Hide or Operation.Show:
                entry.IsVisible = operation == Operation.Show;
                StatusMessage = entry.IsVisible ? $"“{title}” is shown on your profile again." : $"“{title}” is hidden from your public profile.";
                break;
            case Operation.Highlight or Operation.Unhighlight:
                entry.IsHighlighted = operation == Operation.Highlight;
                StatusMessage = entry.IsHighlighted ? $"“{title}” is now a selected publication." : $"“{title}” is no longer a selected publication.";
                break;
            case Operation.Remove:
                await RemoveAsync(entry, ct);
                StatusMessage = $"Removed “{title}” from the profile. History can restore it.";
                StatusLinksToHistory = true;
                break;
            default:
                return BadRequest();
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>
    /// Takes the paper off this profile; when no other profile lists it, the paper itself goes too,
    /// with every row that hangs off it loaded so that each deletion is recorded and can be restored.
    /// </summary>
    private async Task RemoveAsync(ProfilePublication entry, CancellationToken ct)
    {
        db.ProfilePublications.Remove(entry);
        var listedElsewhere = await db.ProfilePublications
            .AnyAsync(pp => pp.PublicationId == entry.PublicationId && pp.Id != entry.Id, ct);
        if (listedElsewhere)
        {
            return;
        }
        var publication = await db.Publications.AsTracking()
            .Include(p => p.Authors)
            .Include(p => p.Links)
            .SingleAsync(p => p.Id == entry.PublicationId, ct);
        var related = await db.ProjectPublications.AsTracking()
            .Where(pp => pp.PublicationId == entry.PublicationId)
            .ToListAsync(ct);
        db.ProjectPublications.RemoveRange(related);
        db.PublicationAuthors.RemoveRange(publication.Authors);
        db.PublicationLinks.RemoveRange(publication.Links);
        db.Publications.Remove(publication);
    }

    public static string ShortAuthorList(List<string> names) => names.Count switch
    {
        0 => "No authors",
        <= 4 => string.Join(", ", names),
        _ => $"{string.Join(", ", names.Take(3))}, … ({names.Count} authors)",
    };
}
