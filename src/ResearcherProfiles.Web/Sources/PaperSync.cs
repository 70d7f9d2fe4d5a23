using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Sources;

/// <summary>What one look at a profile's sources gave.</summary>
/// <param name="Found">Works added to the review queue.</param>
/// <param name="Checked">The services asked, in order ("ORCID", "DBLP").</param>
/// <param name="Problems">One sentence per service that did not answer usefully.</param>
/// <param name="CitationsRead">Whether citation counts were asked for.</param>
public sealed record SyncOutcome(int Found, IReadOnlyList<string> Checked, IReadOnlyList<string> Problems, bool CitationsRead = false);

/// <summary>
/// Looks at the sources a profile is connected to and puts every work that is not on the profile,
/// not already waiting and not rejected into the profile's review queue; nothing found is
/// published. For profiles that show citation counts it also reads them from OpenAlex.
/// </summary>
public sealed partial class PaperSync(
    AppDbContext db,
    OrcidClient orcid,
    DblpClient dblp,
    OpenAlexClient openAlex,
    SyncSettings settings,
    IOutputCacheStore publicPages,
    TimeProvider clock,
    ILogger<PaperSync> log)
{
    /// <summary>The most works one look adds to a profile's queue; the rest follow on the next.</summary>
    public const int MaxFoundPerRun = 500;

    public const string CitationSource = "OpenAlex";

    /// <summary>The service's name as the pages say it.</summary>
    public static string ServiceName(WorkSource source) => source switch
    {
        WorkSource.Orcid => OrcidClient.Service,
        WorkSource.Dblp => DblpClient.Service,
        _ => OpenAlexClient.Service,
    };

    private sealed record Connections(string? OrcidId, string? DblpPid, string? OpenAlexAuthorId, bool ShowCitationCounts, bool Gone);

    /// <summary>Marks a profile to be looked at by the next round, and makes sure it has a sync record.</summary>
    public static async Task ScheduleAsync(AppDbContext db, int researcherId, DateTime dueAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.SourceSyncStates.Where(s => s.ResearcherId == researcherId).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, dueAt), ct) == 0)
        {
            db.SourceSyncStates.Add(new SourceSyncState { ResearcherId = researcherId, DueAt = dueAt });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsRace(e))
            {
                // Scheduled at the same moment elsewhere; that row serves.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Looks at every profile that is due, at most <see cref="SyncSettings.ProfilesPerRound"/>, oldest first.</summary>
    /// <param name="keepLease">Called before each profile; false when this instance no longer holds the sync's lease.</param>
    public async Task<int> RunDueAsync(Func<CancellationToken, Task<bool>> keepLease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keepLease);
        await AddMissingStatesAsync(ct);
        var done = 0;
        while (done < settings.ProfilesPerRound)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.SourceSyncStates.Where(s => s.DueAt <= now).OrderBy(s => s.DueAt)
                .Select(s => s.ResearcherId).Take(Math.Min(50, settings.ProfilesPerRound - done)).ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }
            foreach (var id in due)
            {
                if (!await keepLease(ct))
                {
                    return done;
                }
                await SyncProfileAsync(id, ct);
                db.ChangeTracker.Clear();
                done++;
            }
        }
        return done;
    }

    /// <summary>Looks at one profile's sources now, and schedules its next look.</summary>
    public async Task<SyncOutcome> SyncProfileAsync(int researcherId, CancellationToken ct)
    {
        var profile = await db.Researchers.Where(r => r.Id == researcherId)
            .Select(r => new Connections(r.OrcidId, r.DblpPid, r.OpenAlexAuthorId, r.ShowCitationCounts, r.DeletedAt != null))
            .SingleOrDefaultAsync(ct);
        if (profile is null || profile.Gone || (profile.OrcidId ?? profile.DblpPid ?? profile.OpenAlexAuthorId) is null && !profile.ShowCitationCounts)
        {
            // Nothing to watch any more: the record goes; the queue stays for the owner to finish.
            await db.SourceSyncStates.Where(s => s.ResearcherId == researcherId).ExecuteDeleteAsync(ct);
            return new SyncOutcome(0, [], []);
        }

        var lists = new List<(WorkSource Source, string Service, Task<WorkList> Works)>();
        if (profile.OrcidId is { } orcidId)
        {
            lists.Add((WorkSource.Orcid, OrcidClient.Service, orcid.WorksAsync(orcidId, ct)));
        }
        if (profile.DblpPid is { } pid)
        {
            lists.Add((WorkSource.Dblp, DblpClient.Service, dblp.WorksAsync(pid, ct)));
        }
        if (profile.OpenAlexAuthorId is { } authorId)
        {
            lists.Add((WorkSource.OpenAlex, OpenAlexClient.Service, openAlex.WorksAsync(authorId, ct)));
        }
        await Task.WhenAll(lists.Select(l => l.Works));

        var problems = new List<string>();
        var found = 0;
        if (lists.Count > 0)
        {
            problems.AddRange(lists.Select(l => l.Works.Result.Problem).OfType<string>());
            if (await QueueNewWorksAsync(researcherId, lists.Select(l => (l.Source, l.Works.Result)).ToList(), ct) is { } queued)
            {
                found = queued;
            }
            else
            {
                problems.Add(NotSavedProblem("The new papers found"));
            }
        }
        string? citationProblem = null;
        if (profile.ShowCitationCounts)
        {
            citationProblem = await RefreshCitationsAsync(researcherId, ct);
            if (citationProblem is not null)
            {
                problems.Add(citationProblem);
            }
        }

        var now = clock.GetUtcNow();
        var state = await db.SourceSyncStates.AsTracking().FirstOrDefaultAsync(s => s.ResearcherId == researcherId, ct);
        if (state is null)
        {
            state = new SourceSyncState { ResearcherId = researcherId };
            db.SourceSyncStates.Add(state);
        }
        state.LastRunAt = now;
        state.LastFoundCount = found;
        state.LastProblem = problems.Count == 0 ? null : Truncate(string.Join('\n', problems), SourceSyncStateConfiguration.ProblemMaxLength);
        state.DueAt = (now + settings.Interval).UtcDateTime;
        if (profile.ShowCitationCounts && citationProblem is null)
        {
            state.CitationsReadAt = now;
        }
        if (!await SaveAsync(researcherId, ct))
        {
            // At least the next look must wait its turn, or the round would come back to this profile at once.
            problems.Add(NotSavedProblem("This look's record"));
            await db.SourceSyncStates.Where(s => s.ResearcherId == researcherId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.DueAt, (now + settings.Interval).UtcDateTime)
                .SetProperty(x => x.LastRunAt, now), ct);
        }
        return new SyncOutcome(found, lists.Select(l => l.Service).ToList(), problems, profile.ShowCitationCounts);
    }

    /// <summary>Takes out of the queue the waiting works that have reached the profile (imported through the preview).</summary>
    public async Task RemoveArrivedAsync(int researcherId, CancellationToken ct)
    {
        await KnownAsync(researcherId, ct);
        await SaveAsync(researcherId, ct);
    }

    /// <summary>What is known for the profile: its papers and every queued or rejected work; waiting works now on the profile are removed (unsaved).</summary>
    private async Task<WorkMatching> KnownAsync(int researcherId, CancellationToken ct)
    {
        var known = new WorkMatching();
        foreach (var paper in await db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId)
            .Select(pp => new { pp.Publication!.Doi, pp.Publication.ArxivId, pp.Publication.TitleKey }).ToListAsync(ct))
        {
            known.Add(paper.Doi, paper.ArxivId, paper.TitleKey);
        }
        var queued = await db.FoundWorks.AsTracking().Where(w => w.ResearcherId == researcherId).ToListAsync(ct);
        foreach (var work in queued)
        {
            if (work.Status == FoundWorkStatus.Pending && known.Contains(work.Doi, work.ArxivId, work.TitleKey))
            {
                db.FoundWorks.Remove(work);
            }
        }
        foreach (var work in queued)
        {
            known.Add(work.Doi, work.ArxivId, work.TitleKey);
        }
        return known;
    }

    /// <summary>Queues the works not known yet; null when they could not be saved.</summary>
    private async Task<int?> QueueNewWorksAsync(int researcherId, List<(WorkSource Source, WorkList List)> lists, CancellationToken ct)
    {
        var known = await KnownAsync(researcherId, ct);
        var now = clock.GetUtcNow();
        var found = 0;
        foreach (var (source, list) in lists)
        {
            foreach (var work in list.Works)
            {
                var paper = work.Paper;
                var titleKey = ScholarlyIds.TitleKey(paper.Title);
                if (found >= MaxFoundPerRun || titleKey.Length == 0 || known.Contains(paper.Doi, paper.ArxivId, titleKey))
                {
                    continue;
                }
                known.Add(paper.Doi, paper.ArxivId, titleKey);
                db.FoundWorks.Add(FoundWorkFrom(researcherId, source, work, titleKey, now));
                found++;
            }
        }
        return await SaveAsync(researcherId, ct) ? found : null;
    }

    private static FoundWork FoundWorkFrom(int researcherId, WorkSource source, SourceWork work, string titleKey, DateTimeOffset now)
    {
        var paper = work.Paper;
        var bibtex = FetchedBibtex.Write([paper]);
        if (bibtex.Length > FoundWorkConfiguration.BibtexMaxLength)
        {
            bibtex = FetchedBibtex.Write([paper with { Abstract = null, Authors = paper.Authors.Take(500).ToList() }]);
        }
        var names = paper.Authors.Select(NameOf).Where(n => n.Length > 0).ToList();
        return new FoundWork
        {
            ResearcherId = researcherId,
            Source = source,
            SourceKey = Truncate(work.SourceKey, 300),
            MatchKey = Truncate(WorkMatching.MatchKey(paper with { Title = titleKey }), 520),
            Doi = paper.Doi is { Length: <= 200 } doi ? doi : null,
            ArxivId = paper.ArxivId is { Length: <= 50 } arxiv ? arxiv : null,
            TitleKey = Truncate(titleKey, 500),
            Title = Truncate(paper.Title, 500),
            Authors = names.Count == 0 ? null : Truncate(AuthorList.Abbreviated(names), 1000),
            Venue = paper.Venue is null ? null : Truncate(paper.Venue, 300),
            Year = paper.Year,
            Bibtex = bibtex.Length > FoundWorkConfiguration.BibtexMaxLength ? bibtex[..FoundWorkConfiguration.BibtexMaxLength] : bibtex,
            FoundAt = now,
        };
    }

    /// <summary>Reads the cited-by counts of the profile's papers that have a DOI or arXiv id and none read within the interval.</summary>
    private async Task<string?> RefreshCitationsAsync(int researcherId, CancellationToken ct)
    {
        var papers = await db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId && (pp.Publication!.Doi != null || pp.Publication.ArxivId != null))
            .Select(pp => new
            {
                pp.PublicationId,
                pp.Publication!.Doi,
                pp.Publication.ArxivId,
                Read = db.CitationCounts.Where(c => c.PublicationId == pp.PublicationId).Select(c => (DateTimeOffset?)c.ReadAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var stale = papers.Where(p => p.Read is null || now - p.Read.Value >= settings.Interval).ToList();
        if (stale.Count == 0)
        {
            return null;
        }
        var asked = stale.Select(p => (p.PublicationId, Id: p.Doi is { } doi ? new PaperIdentifier(IdentifierKind.Doi, doi) : new PaperIdentifier(IdentifierKind.Arxiv, p.ArxivId!))).ToList();
        var counts = await openAlex.CitedByAsync(asked.Select(a => a.Id).Distinct().ToList(), ct);
        if (counts.Counts.Count > 0)
        {
            var ids = asked.Select(a => a.PublicationId).ToList();
            var rows = await db.CitationCounts.AsTracking().Where(c => ids.Contains(c.PublicationId)).ToDictionaryAsync(c => c.PublicationId, ct);
            foreach (var (publicationId, id) in asked)
            {
                if (!counts.Counts.TryGetValue(id, out var count))
                {
                    continue;
                }
                if (!rows.TryGetValue(publicationId, out var row))
                {
                    row = new CitationCount { PublicationId = publicationId, Source = CitationSource };
                    db.CitationCounts.Add(row);
                    rows[publicationId] = row;
                }
                row.Count = count;
                row.Source = CitationSource;
                row.ReadAt = now;
            }
            if (!await SaveAsync(researcherId, ct))
            {
                return NotSavedProblem("The citation counts read");
            }
            // The counts show on the pages of everyone who lists or wrote these papers.
            await PublicPageTags.EvictProfilesAsync(publicPages, await PublicPageTags.ProfilesOnPapersAsync(db, ids, ct), ct);
        }
        return counts.Problem;
    }

    /// <summary>
    /// Saves, and says whether what this look found is now stored. When a look at the same profile
    /// elsewhere (a "check now" beside the background round) wrote the same rows first, theirs stand
    /// and this look's duplicates are dropped: that is a success. Any other failure (a value the
    /// database refuses) is logged and reported, so a look never claims works it did not keep, and
    /// one profile's failure does not stop the round for the others.
    /// </summary>
    private async Task<bool> SaveAsync(int researcherId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsRace(e))
        {
            db.ChangeTracker.Clear();
            return true;
        }
        catch (DbUpdateException e) when (!DatabaseErrors.IsStorageFailure(e))
        {
            db.ChangeTracker.Clear();
            LogNotSaved(log, researcherId, e);
            return false;
        }
    }

    private static string NotSavedProblem(string what) =>
        $"{what} could not be saved; the site's log says why, and the next look tries again.";

    [LoggerMessage(Level = LogLevel.Error, Message = "A look at the sources of profile {ResearcherId} could not save what it found")]
    private static partial void LogNotSaved(ILogger logger, int researcherId, Exception exception);

    /// <summary>Creates the sync record of connected profiles that have none (connected before the sync existed, or by an import of data).</summary>
    private async Task AddMissingStatesAsync(CancellationToken ct)
    {
        var missing = await db.Researchers
            .Where(r => r.DeletedAt == null && (r.OrcidId != null || r.DblpPid != null || r.OpenAlexAuthorId != null || r.ShowCitationCounts)
                && !db.SourceSyncStates.Any(s => s.ResearcherId == r.Id))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SourceSyncStates.AddRange(missing.Select(id => new SourceSyncState { ResearcherId = id, DueAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsRace(e))
        {
            // Added at the same moment elsewhere (a schedule, another round); those rows serve.
        }
        db.ChangeTracker.Clear();
    }

    private static string NameOf(FetchedAuthor author) =>
        author.AsWritten ?? author.Literal ?? string.Join(' ', new[] { author.Given, author.Family }.Where(n => !string.IsNullOrWhiteSpace(n)));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
