namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// Cited-by counts by paper identifier, as read from an open source; identifiers the source does not
/// know are absent. <paramref name="Problem"/> says why some could not be asked, for the researcher.
/// </summary>
public sealed record CitationCounts(IReadOnlyDictionary<PaperIdentifier, int> Counts, string? Problem);
