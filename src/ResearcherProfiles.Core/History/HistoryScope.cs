namespace ResearcherProfiles.Core.History;

/// <summary>The profile whose history records the next saves, and who is making them.</summary>
public sealed record HistoryScope(int ResearcherId, string? UserId, string? UserName)
{
    /// <summary>The id the next save's change set takes instead of a new one (the token of a form that adds, see AddOnce).</summary>
    public Guid? ChangeSet { get; init; }
}
