using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Search;

/// <summary>The search page in its states, through the W3C Nu HTML Checker.</summary>
public sealed class SearchHtmlValidityTests(HtmlValidityTests.DemoSiteFactory factory) : IClassFixture<HtmlValidityTests.DemoSiteFactory>
{
    [Fact]
    public async Task The_search_page_is_valid_html_with_results_filters_and_none()
    {
        var client = factory.CreateVisitor();
        var results = await client.GetPageAsync("/search?q=castellanos");
        var interest = results.Document.QuerySelector("nav[aria-labelledby=filter-interest] a")!.GetAttribute("href")!;
        var urls = new[] { "/search", "/search?q=castellanos", "/search?q=l", "/search?q=nothingbythisname", "/search?q=%22%3C%3E", interest, "/" };

        var pages = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            pages[url] = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
