namespace ResearcherProfiles.Core.Entities;

public enum RevisionAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One recorded change to a profile's content: who made it, when, which fields changed, and the
/// record's values before and after, so any earlier version or deleted item can be restored.
/// </summary>
public class ProfileRevision
{
    public long Id { get; set; }
    /// <summary>The revisions written by one save share a change set, and are undone together.</summary>
    public Guid ChangeSet { get; set; }
    public int ResearcherId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The entity's CLR type name, e.g. "NewsItem".</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public RevisionAction Action { get; set; }
    /// <summary>A readable label of the record ("News: 12 May 2023 …").</summary>
    public string? Label { get; set; }
    /// <summary>Comma-separated names of the changed fields.</summary>
    public string? ChangedFields { get; set; }
    /// <summary>JSON of the record's values before the change (null when created).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the record's values after the change (null when deleted).</summary>
    public string? After { get; set; }
}
