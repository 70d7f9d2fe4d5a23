using ResearcherProfiles.Web.Lists;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Full-text search over the public site: people and papers, ranked, with highlighted snippets.
/// One implementation per database provider (<see cref="SqliteSiteSearch"/>, <see cref="PostgresSiteSearch"/>),
/// both over indexes that triggers keep in step with the data. Only what the public site shows is
/// found: no hidden or deleted profile, and a paper only while a public profile lists it visibly
/// in a Publications section that is not hidden.
/// </summary>
public interface ISiteSearch
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct);
}

/// <param name="Terms">Words from <see cref="SearchTerms.Parse"/>: at least one.</param>
/// <param name="Interest">Only people with this research interest (exactly as written), and papers they list.</param>
/// <param name="Affiliation">Only people with this affiliation (exactly as written), and papers they list.</param>
public sealed record SearchRequest(
    IReadOnlyList<string> Terms,
    string? Interest,
    string? Affiliation,
    int PeoplePage,
    int PapersPage)
{
    public const int PeoplePageSize = 10;

    public const int PapersPageSize = 20;

    /// <summary>
    /// Matches counted, and ranked, per group: the first this many that match (people in the
    /// order they joined, the newest papers) are ordered by relevance, and beyond this a count
    /// reads "more than 1,000" and paging stops. A common word matches a third of a large site's
    /// papers, and scoring them all costs a hundred times what a page of results does; a name is
    /// rare enough to be among the first.
    /// </summary>
    public const int MaxCounted = 1000;

    /// <summary>Matching people (the first found, unranked: ranking them all would cost more than the search) whose interests and affiliations are offered as filters.</summary>
    public const int FacetSample = 200;
}

/// <param name="PeopleCapped">More people match than <see cref="SearchRequest.MaxCounted"/>.</param>
public sealed record SearchResults(
    Paged<PersonHit> People,
    bool PeopleCapped,
    Paged<PaperHit> Papers,
    bool PapersCapped,
    IReadOnlyList<FacetValue> Interests,
    IReadOnlyList<FacetValue> Affiliations);

/// <summary>
/// A matching person. The highlighted fields carry <see cref="Highlight.Start"/> and
/// <see cref="Highlight.End"/> around the matched words and are otherwise raw text:
/// render them with <see cref="Highlight.ToHtml"/>.
/// </summary>
public sealed record PersonHit(
    int Id,
    string Slug,
    string DisplayName,
    string? PhotoPath,
    string NameHighlighted,
    string? HeadlineHighlighted,
    string? AffiliationHighlighted,
    string? AboutSnippet);

/// <summary>A matching paper, highlighted like <see cref="PersonHit"/>.</summary>
public sealed record PaperHit(
    int Id,
    string Title,
    int? Year,
    string? Venue,
    string TitleHighlighted,
    string? AuthorsSnippet,
    string? AbstractSnippet);

/// <summary>An interest or affiliation among the matching people, with how many have it.</summary>
public sealed record FacetValue(string Value, int Count);
