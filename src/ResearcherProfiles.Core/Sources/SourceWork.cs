namespace ResearcherProfiles.Core.Sources;

/// <summary>The services that list a researcher's works, each by its own id for the researcher.</summary>
public enum WorkSource
{
    Orcid,
    Dblp,
    OpenAlex,
}

/// <summary>One work as a source lists it: the source's own key for it (an ORCID put-code, a DBLP record key, an OpenAlex work id) and its metadata.</summary>
public sealed record SourceWork(string SourceKey, FetchedPaper Paper);

/// <summary>What a source gave for one researcher: their works, or a message for the researcher saying why not.</summary>
public sealed record WorkList(IReadOnlyList<SourceWork> Works, string? Problem)
{
    public static WorkList Found(IReadOnlyList<SourceWork> works) => new(works, null);

    public static WorkList Failed(string problem) => new([], problem);
}
