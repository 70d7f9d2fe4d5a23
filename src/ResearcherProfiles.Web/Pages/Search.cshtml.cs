using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Web.Search;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// /search?q=…: people, then papers, matching the words typed, with their matches marked;
/// filters by interest and affiliation. The results region alone (?handler=results) is what
/// search.js fetches as the visitor types.
/// </summary>
/// <remarks>
/// Output-cached like every public page: results show only public data and the cache is emptied
/// on every save, so a cached answer is never stale, and the size-limited cache bounds what many
/// distinct queries can take, while repeated ones (the words people look for most, and the prefixes
/// typed on the way to them) cost no query at all.
/// </remarks>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy, VaryByQueryKeys = ["q", "interest", "affiliation", "people-page", "papers-page", "handler"])]
public class SearchModel(ISiteSearch search) : PageModel
{
    /// <summary>The longest interest or affiliation a filter reads (an affiliation holds at most 300 characters).</summary>
    public const int MaxFilterLength = 300;

    /// <summary>The query as typed (cleaned and bounded), shown back in the box.</summary>
    public string Query { get; private set; } = string.Empty;

    public string? Interest { get; private set; }

    public string? Affiliation { get; private set; }

    /// <summary>Null when there was nothing to search for.</summary>
    public SearchResults? Results { get; private set; }

    public Task OnGetAsync(string? q, string? interest, string? affiliation,
        [FromQuery(Name = "people-page")] int? peoplePage, [FromQuery(Name = "papers-page")] int? papersPage, CancellationToken ct) =>
        RunAsync(q, interest, affiliation, peoplePage, papersPage, ct);

    public async Task<IActionResult> OnGetResultsAsync(string? q, string? interest, string? affiliation,
        [FromQuery(Name = "people-page")] int? peoplePage, [FromQuery(Name = "papers-page")] int? papersPage, CancellationToken ct)
    {
        await RunAsync(q, interest, affiliation, peoplePage, papersPage, ct);
        return Partial("_SearchResults", this);
    }

    private async Task RunAsync(string? q, string? interest, string? affiliation, int? peoplePage, int? papersPage, CancellationToken ct)
    {
        Query = SearchTerms.Clean(q);
        Interest = SearchTerms.Filter(interest, MaxFilterLength);
        Affiliation = SearchTerms.Filter(affiliation, MaxFilterLength);
        var terms = SearchTerms.Parse(Query);
        if (terms.Count > 0)
        {
            Results = await search.SearchAsync(new SearchRequest(terms, Interest, Affiliation, peoplePage ?? 1, papersPage ?? 1), ct);
        }
    }

    /// <summary>This search with the filters given (null for none) at the pages given.</summary>
    public string? Link(string? interest, string? affiliation, int peoplePage = 1, int papersPage = 1) =>
        Url.Page("/Search", new Dictionary<string, object?>
        {
            ["q"] = Query,
            ["interest"] = interest,
            ["affiliation"] = affiliation,
            ["people-page"] = peoplePage > 1 ? peoplePage : null,
            ["papers-page"] = papersPage > 1 ? papersPage : null,
        });

    public static string Count(int count, bool capped, string one, string many) =>
        capped ? $"more than {count:N0} {many}" : $"{count:N0} {(count == 1 ? one : many)}";
}
