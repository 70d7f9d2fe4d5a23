using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Core.Entities;

/// <summary>
/// The background sync's record of one profile. It is kept apart from the profile so that the sync
/// never makes an open editor form stale and never writes into the profile's history.
/// </summary>
public class SourceSyncState
{
    public int ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    /// <summary>When the sync should look at this profile next (UTC); "check now" sets it to the present.</summary>
    public DateTime DueAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    /// <summary>What went wrong in the last run, one line per service; null when every service answered.</summary>
    public string? LastProblem { get; set; }
    /// <summary>How many papers the last run added to the review queue.</summary>
    public int LastFoundCount { get; set; }
    public DateTimeOffset? CitationsReadAt { get; set; }
}

public enum FoundWorkStatus
{
    /// <summary>Waiting in the review queue for the researcher to add or reject it.</summary>
    Pending,
    /// <summary>The researcher said it is not theirs or not wanted; it is never suggested again.</summary>
    Rejected,
}

/// <summary>
/// A work a connected source lists for a researcher that is not on their profile. Nothing found
/// is published: it waits here until the researcher imports it through the preview, or rejects it.
/// </summary>
public class FoundWork
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    public WorkSource Source { get; set; }
    /// <summary>The source's own key for the work (ORCID put-code, DBLP record key, OpenAlex work id).</summary>
    public required string SourceKey { get; set; }
    /// <summary>The strongest identity the work has, "doi:…", "arxiv:…" or "title:…"; one row per key and profile.</summary>
    public required string MatchKey { get; set; }
    public string? Doi { get; set; }
    public string? ArxivId { get; set; }
    public required string TitleKey { get; set; }
    public required string Title { get; set; }
    public string? Authors { get; set; }
    public string? Venue { get; set; }
    public int? Year { get; set; }
    /// <summary>The work as a BibTeX entry, for the import's preview.</summary>
    public required string Bibtex { get; set; }
    public FoundWorkStatus Status { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public DateTimeOffset? RejectedAt { get; set; }
}

/// <summary>A paper's cited-by count as an open source reported it, with the date it was read.</summary>
public class CitationCount
{
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    public int Count { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

/// <summary>
/// Who runs a piece of background work now: one row per kind of work, held until it expires, so
/// that with several app instances on one database the work runs once.
/// </summary>
public class WorkerLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    /// <summary>UTC; after it anyone may take the lease.</summary>
    public DateTime ExpiresAt { get; set; }
}
