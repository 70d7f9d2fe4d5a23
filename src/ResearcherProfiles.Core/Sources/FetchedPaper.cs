using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// An author as the source names them: given and family names, one literal name (an organisation),
/// or a person's name as written ("Ada M. Lovelace", "Jan van der Berg"), left to BibTeX's name rules.
/// </summary>
public sealed record FetchedAuthor(string? Given, string? Family, string? Literal, string? AsWritten = null);

/// <summary>A paper's metadata as a DOI registry or arXiv describes it, before it becomes a BibTeX entry.</summary>
public sealed record FetchedPaper
{
    public required string Title { get; init; }
    public required PublicationType Type { get; init; }
    public IReadOnlyList<FetchedAuthor> Authors { get; init; } = [];
    public int? Year { get; init; }
    public int? Month { get; init; }
    public string? Venue { get; init; }
    public string? VenueShort { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Publisher { get; init; }
    public string? Abstract { get; init; }
    public string? Doi { get; init; }
    public string? ArxivId { get; init; }
    /// <summary>The newest arXiv version, e.g. 3 for v3.</summary>
    public int? ArxivVersion { get; init; }
    /// <summary>The paper's own page when the source names one that is neither its DOI nor its arXiv page.</summary>
    public string? Url { get; init; }
}
