using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Core.Publications;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Papers co-authors on the site linked this profile's owner to. They stay off the public profile
/// until the owner adds them; "Not me" also takes the owner's name link off the paper.
/// </summary>
public sealed class PublicationSuggestionsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    /// <summary>Suggestions shown at once; the rest follow as these are handled.</summary>
    public const int Shown = 50;

    public sealed record Suggestion(int Id, int PublicationId, string Title, string Authors, string? Venue, int? Year, string? SuggestedBy, string? SuggestedFrom, DateTimeOffset At);

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty]
    public bool AcceptCoauthorPapers { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Total = await db.PublicationSuggestions.CountAsync(s => s.ResearcherId == Profile.Id, ct);
        var rows = await db.PublicationSuggestions
            .Where(s => s.ResearcherId == Profile.Id)
            .OrderByDescending(s => s.Id)
            .Take(Shown)
            .Select(s => new
            {
                s.Id,
                s.PublicationId,
                s.Publication!.Title,
                Venue = s.Publication.VenueShort ?? s.Publication.VenueName,
                s.Publication.Year,
                s.SuggestedByUserName,
                From = s.SuggestedByResearcher == null ? null : s.SuggestedByResearcher.DisplayName,
                s.CreatedAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.PublicationId).ToList();
        var authors = (await db.PublicationAuthors.Where(a => ids.Contains(a.PublicationId))
                .OrderBy(a => a.Position).Select(a => new { a.PublicationId, a.Name }).ToListAsync(ct))
            .ToLookup(a => a.PublicationId, a => a.Name);
        Suggestions = rows.Select(r => new Suggestion(r.Id, r.PublicationId, r.Title, AuthorList.Abbreviated(authors[r.PublicationId].ToList()),
            r.Venue, r.Year, r.SuggestedByUserName, r.From, r.CreatedAt)).ToList();
        AcceptCoauthorPapers = await db.Researchers.Where(r => r.Id == Profile.Id).Select(r => r.AcceptCoauthorPapers).SingleAsync(ct);
    }

    /// <summary>Adds the paper to this profile's list where its date puts it, visible.</summary>
    public async Task<IActionResult> OnPostAcceptAsync([FromForm] int id, CancellationToken ct)
    {
        var suggestion = await FindAsync(id, ct);
        if (suggestion is null)
        {
            return NotFound();
        }
        db.PublicationSuggestions.Remove(suggestion);
        if (!await db.ProfilePublications.AnyAsync(pp => pp.ResearcherId == Profile.Id && pp.PublicationId == suggestion.PublicationId, ct))
        {
            var listing = new ProfilePublication { ResearcherId = Profile.Id, PublicationId = suggestion.PublicationId, IsVisible = true };
            var paper = suggestion.Publication!;
            await PublicationPlacement.PlaceAsync(db, Profile.Id, [new Newcomer(listing, new PaperDate(paper.Year, paper.Month))], ct);
            db.ProfilePublications.Add(listing);
        }
        await SaveAsync(ct);
        StatusMessage = $"Added “{suggestion.Publication!.Title}” to your profile.";
        return RedirectToPage(null, null, null, FormLanding.Status);
    }

    public async Task<IActionResult> OnPostDismissAsync([FromForm] int id, CancellationToken ct)
    {
        var suggestion = await FindAsync(id, ct);
        if (suggestion is null)
        {
            return NotFound();
        }
        db.PublicationSuggestions.Remove(suggestion);
        await SaveAsync(ct);
        StatusMessage = $"Dismissed “{suggestion.Publication!.Title}”. It stays off your profile; your name on it still links here.";
        return RedirectToPage(null, null, null, FormLanding.Status);
    }

    /// <summary>The owner is not this author: their name link comes off the paper, recorded in every listing profile's history.</summary>
    public async Task<IActionResult> OnPostNotMeAsync([FromForm] int id, CancellationToken ct)
    {
        var suggestion = await FindAsync(id, ct);
        if (suggestion is null)
        {
            return NotFound();
        }
        db.PublicationSuggestions.Remove(suggestion);
        var rows = await db.PublicationAuthors.AsTracking()
            .Where(a => a.PublicationId == suggestion.PublicationId && a.ResearcherId == Profile.Id)
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            row.ResearcherId = null;
        }
        await SaveAsync(ct);
        StatusMessage = $"Unlinked your profile from “{suggestion.Publication!.Title}”.";
        return RedirectToPage(null, null, null, FormLanding.Status);
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var researcher = await db.Researchers.AsTracking().SingleAsync(r => r.Id == Profile.Id, ct);
        researcher.AcceptCoauthorPapers = AcceptCoauthorPapers;
        await SaveAsync(ct);
        StatusMessage = AcceptCoauthorPapers
            ? "Papers co-authors link you to now go straight onto your profile."
            : "Papers co-authors link you to now wait here for you.";
        return RedirectToPage(null, null, null, FormLanding.Status);
    }

    private Task<PublicationSuggestion?> FindAsync(int id, CancellationToken ct) =>
        db.PublicationSuggestions.AsTracking()
            .Include(s => s.Publication)
            .SingleOrDefaultAsync(s => s.Id == id && s.ResearcherId == Profile.Id, ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same suggestion handled twice at once (two tabs): the first one counts.
            db.ChangeTracker.Clear();
        }
    }
}
