using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Web.Sources;

/// <summary>What one identifier gave: a paper, or a message for the researcher saying why not.</summary>
public sealed record LookupResult(PaperIdentifier Identifier, FetchedPaper? Paper, string? Problem)
{
    public static LookupResult Found(PaperIdentifier identifier, FetchedPaper paper) => new(identifier, paper, null);

    public static LookupResult Failed(PaperIdentifier identifier, string problem) => new(identifier, null, problem);
}
