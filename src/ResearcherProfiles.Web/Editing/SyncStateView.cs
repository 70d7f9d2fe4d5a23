using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Editing;

/// <summary>What the editor shows of the paper sync for one profile: its last look, what went wrong, and "Check now".</summary>
public sealed record SyncStateView(string Slug, SourceSyncState? State, bool Connected);
