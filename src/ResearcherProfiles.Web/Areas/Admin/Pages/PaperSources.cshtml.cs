using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Areas.Admin.Pages;

/// <summary>
/// Every profile connected to ORCID, DBLP or OpenAlex or showing citation counts, with what the
/// background sync last did for it and its review queue, a page at a time; and whether the sync runs now.
/// </summary>
public class PaperSourcesModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<SourcesRow> Profiles { get; private set; } = null!;

    /// <summary>The sync's lease as last written, or null when the sync never ran.</summary>
    public LeaseView? Lease { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One query for the page's rows, counts and sync states, one for the total, one for the lease.
        var connected = db.Researchers.Where(r => r.OrcidId != null || r.DblpPid != null || r.OpenAlexAuthorId != null || r.ShowCitationCounts);
        Profiles = await Paging.ToPageAsync(
            from r in connected.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id)
            join s in db.SourceSyncStates on r.Id equals s.ResearcherId into states
            from s in states.DefaultIfEmpty()
            select new SourcesRow(
                r.Id, r.Slug, r.DisplayName, r.IsHidden, r.DeletedAt != null,
                r.OrcidId, r.DblpPid, r.OpenAlexAuthorId, r.ShowCitationCounts,
                db.FoundWorks.Count(w => w.ResearcherId == r.Id && w.Status == FoundWorkStatus.Pending),
                db.FoundWorks.Count(w => w.ResearcherId == r.Id && w.Status == FoundWorkStatus.Rejected),
                s == null ? null : new SyncView(s.LastRunAt, s.LastProblem, s.LastFoundCount, s.CitationsReadAt)),
            PageNumber, PageSize, ct);
        Lease = await db.WorkerLeases.Where(l => l.Name == PaperSyncService.LeaseName).Select(l => new LeaseView(l.Holder, l.ExpiresAt)).FirstOrDefaultAsync(ct);
    }

    public static string PageUrl(int number) => number == 1 ? "/admin/paper-sources" : $"/admin/paper-sources?page={number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2026-11-30 08:15 UTC".</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public sealed record SourcesRow(
        int Id,
        string Slug,
        string DisplayName,
        bool IsHidden,
        bool IsTrashed,
        string? OrcidId,
        string? DblpPid,
        string? OpenAlexAuthorId,
        bool ShowCitationCounts,
        int Pending,
        int Rejected,
        SyncView? Sync);

    public sealed record SyncView(DateTimeOffset? LastRunAt, string? LastProblem, int LastFoundCount, DateTimeOffset? CitationsReadAt);

    /// <summary>Who holds the sync's lease and until when (UTC); after that the sync is not running.</summary>
    public sealed record LeaseView(string Holder, DateTime ExpiresAt)
    {
        public bool IsHeld => ExpiresAt > DateTime.UtcNow;

        public string ExpiresText => Utc(new DateTimeOffset(DateTime.SpecifyKind(ExpiresAt, DateTimeKind.Utc)));
    }
}
