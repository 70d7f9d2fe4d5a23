using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The review queue: works the connected sources list that are not on the profile. Each is added
/// through the BibTeX import's preview (so matching, de-duplication and the one-transaction import
/// apply), or rejected; a rejected work is remembered and never suggested again, until restored.
/// </summary>
public sealed class PublicationFoundModel(AppDbContext db, PaperSync sync, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    /// <summary>Works shown at once, in each list; the rest follow as these are handled.</summary>
    public const int Shown = 100;

    public sealed record Work(int Id, string Title, string? Authors, string? Venue, int? Year, WorkSource Source, DateTimeOffset At, string Bibtex);

    public IReadOnlyList<Work> Pending { get; private set; } = [];

    public int PendingTotal { get; private set; }

    /// <summary>How many waiting works each source found, for the heading ("4 new papers found on ORCID").</summary>
    public IReadOnlyList<(WorkSource Source, int Count)> PendingBySource { get; private set; } = [];

    public IReadOnlyList<Work> Rejected { get; private set; } = [];

    public int RejectedTotal { get; private set; }

    public SyncStateView Sync { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await sync.RemoveArrivedAsync(Profile.Id, ct);
        var works = db.FoundWorks.Where(w => w.ResearcherId == Profile.Id);
        PendingBySource = (await works.Where(w => w.Status == FoundWorkStatus.Pending).GroupBy(w => w.Source)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key).Select(g => (g.Key, g.Count)).ToList();
        PendingTotal = PendingBySource.Sum(s => s.Count);
        RejectedTotal = await works.CountAsync(w => w.Status == FoundWorkStatus.Rejected, ct);
        Pending = await Read(works.Where(w => w.Status == FoundWorkStatus.Pending).OrderByDescending(w => w.Year ?? int.MinValue).ThenBy(w => w.Id), ct);
        Rejected = await Read(works.Where(w => w.Status == FoundWorkStatus.Rejected).OrderByDescending(w => w.Id), ct);
        var connected = await db.Researchers.Where(r => r.Id == Profile.Id)
            .Select(r => r.OrcidId != null || r.DblpPid != null || r.OpenAlexAuthorId != null || r.ShowCitationCounts).SingleAsync(ct);
        Sync = new SyncStateView(Profile.Slug, await db.SourceSyncStates.FirstOrDefaultAsync(s => s.ResearcherId == Profile.Id, ct), connected);
    }

    /// <summary>Looks at the connected sources now, instead of waiting for the daily look.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var outcome = await sync.SyncProfileAsync(Profile.Id, ct);
        var problems = outcome.Problems.Count == 0 ? "" : " " + string.Join(" ", outcome.Problems);
        StatusMessage = outcome.Checked.Count > 0
            ? $"Looked at {string.Join(" and ", outcome.Checked)}: {(outcome.Found == 0 ? "no new papers" : outcome.Found == 1 ? "1 new paper" : $"{outcome.Found:N0} new papers")}.{problems}"
            : outcome.CitationsRead ? $"Read the citation counts from OpenAlex.{problems}"
            : "No source is connected; connect your ORCID, DBLP or OpenAlex id first.";
        return RedirectToPage(null, null, new { slug = Profile.Slug }, FormLanding.Status);
    }

    public Task<IActionResult> OnPostRejectAsync([FromForm] int id, CancellationToken ct) =>
        DecideAsync(id, FoundWorkStatus.Pending, FoundWorkStatus.Rejected, title => $"Rejected “{title}”; it will not be suggested again.", ct);

    public Task<IActionResult> OnPostRestoreAsync([FromForm] int id, CancellationToken ct) =>
        DecideAsync(id, FoundWorkStatus.Rejected, FoundWorkStatus.Pending, title => $"“{title}” waits for review again.", ct);

    private async Task<IActionResult> DecideAsync(int id, FoundWorkStatus from, FoundWorkStatus to, Func<string, string> message, CancellationToken ct)
    {
        var work = await db.FoundWorks.AsTracking().SingleOrDefaultAsync(w => w.Id == id && w.ResearcherId == Profile.Id, ct);
        if (work is null)
        {
            return NotFound();
        }
        if (work.Status == from)
        {
            work.Status = to;
            work.RejectedAt = to == FoundWorkStatus.Rejected ? DateTimeOffset.UtcNow : null;
            await db.SaveChangesAsync(ct);
        }
        StatusMessage = message(work.Title);
        return RedirectToPage(null, null, new { slug = Profile.Slug }, FormLanding.Status);
    }

    private static Task<List<Work>> Read(IQueryable<FoundWork> works, CancellationToken ct) =>
        works.Take(Shown).Select(w => new Work(w.Id, w.Title, w.Authors, w.Venue, w.Year, w.Source, w.FoundAt, w.Bibtex)).ToListAsync(ct);
}
