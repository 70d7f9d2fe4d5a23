namespace ResearcherProfiles.Core.History;

/// <summary>The profile whose history records the next saves, and who is making them.</summary>
public sealed record HistoryScope(int ResearcherId, string? UserId, string? UserName);
