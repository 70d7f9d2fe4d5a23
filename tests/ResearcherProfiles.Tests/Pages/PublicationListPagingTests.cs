using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// A long publication list split into pages of <see cref="PageSize"/>, with year groups, filters and
/// the query count that stay right across page boundaries.
/// </summary>
public sealed class PublicationListPagingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    /// <summary>The default of Site:PublicationsPageSize.</summary>
    private const int PageSize = 100;

    /// <summary>Thirty papers a year, newest first: 2024 … 2017, and ten in 2016.</summary>
    private const int PapersPerYear = 30;

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_first_page_lists_one_page_of_papers_and_links_to_the_next()
    {
        var (slug, titles) = await LongProfileAsync(250);
        var list = $"/people/{slug}/publications";

        var page = await _visitor.GetPageAsync(list);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(titles.Take(PageSize), Titles(page));
        Assert.Equal("250 publications, page 1 of 3 (1–100)", page.TextOf(".page-summary"));
        var pager = page.Document.QuerySelector("nav.pager[aria-label='Publication list pages']");
        Assert.NotNull(pager);
        Assert.Equal($"{list}?page=2", pager.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Null(pager.QuerySelector("a[rel=prev]"));
        Assert.Equal("Page 1", pager.QuerySelector("a[aria-current=page]")?.CleanText());
        Assert.Equal($"http://localhost{list}", page.Document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("meta[name=robots]"));
        // 2024, 2023 and 2022 fill 90 places; 2021 starts here and goes on to page 2.
        Assert.Equal(["2024 (30)", "2023 (30)", "2022 (30)", "2021 (30)"], page.TextsOf("main h2"));
        var continues = page.Document.QuerySelector("#y2021")!.ParentElement!.QuerySelector(".year-continues a");
        Assert.Equal(($"{list}?page=2#y2021", "2021 continues on the next page"), (continues?.GetAttribute("href"), continues?.CleanText()));
    }

    [Fact]
    public async Task The_last_page_lists_the_rest_and_a_year_split_across_pages_says_it_continues()
    {
        var (slug, titles) = await LongProfileAsync(250);
        var list = $"/people/{slug}/publications";

        var page = await _visitor.GetPageAsync($"{list}?page=3");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(titles.Skip(2 * PageSize), Titles(page));
        Assert.Equal("250 publications, page 3 of 3 (201–250)", page.TextOf(".page-summary"));
        Assert.Equal(["2018 (continued) (30)", "2017 (30)", "2016 (10)"], page.TextsOf("main h2"));
        Assert.Equal($"{list}?page=2", page.Document.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal("Page 3", page.TextOf("nav.pager a[aria-current=page]"));
        Assert.Equal($"http://localhost{list}?page=3", page.Document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Publications of Prolific Author, page 3", page.TextOf("head title")?.Split(" · ")[0]);
        // The year index lists every year; those that start on another page link there.
        var years = page.Document.QuerySelectorAll("nav.year-index a").ToDictionary(a => a.CleanText(), a => a.GetAttribute("href"));
        Assert.Equal(["2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017", "2016"], years.Keys);
        Assert.Equal($"{list}#y2024", years["2024"]);
        Assert.Equal($"{list}?page=2#y2018", years["2018"]);
        Assert.Equal("#y2017", years["2017"]);
    }

    [Fact]
    public async Task Following_the_next_links_lists_every_paper_once_in_order()
    {
        var (slug, titles) = await LongProfileAsync(250);

        var seen = new List<string>();
        var pages = 0;
        for (var url = $"/people/{slug}/publications"; url is not null; pages++)
        {
            var page = await _visitor.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.InRange(page.Document.QuerySelectorAll("article.pub").Length, 1, PageSize);
            seen.AddRange(Titles(page));
            url = page.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            Assert.True(pages < 5, "The next links do not end.");
        }

        Assert.Equal(3, pages);
        Assert.Equal(titles, seen);
    }

    [Fact]
    public async Task Filters_and_paging_combine_and_the_facets_still_count_the_whole_list()
    {
        var (slug, titles) = await LongProfileAsync(250);
        var list = $"/people/{slug}/publications";
        var journals = titles.Where((_, i) => i % 2 == 1).ToList();

        var first = await _visitor.GetPageAsync($"{list}?type=journal");
        var second = await _visitor.GetPageAsync(first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal($"{list}?type=journal&page=2", first.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(journals.Take(PageSize), Titles(first));
        Assert.Equal(journals.Skip(PageSize), Titles(second));
        Assert.Equal("125 of 250 publications, page 2 of 2 (101–125)", second.TextOf(".page-summary"));
        Assert.Equal("Type: All (250) · Conference (125) · Journal (125)*", PublicationFilterTests.Facets(second)[0]);
        Assert.Equal("noindex, follow", second.Document.QuerySelector("head meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(second.Document.QuerySelector("head link[rel=canonical]"));
        Assert.Equal($"{list}?type=journal", second.Document.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"));
        // A filter link starts again at page 1 of its own list.
        Assert.Equal(list, PublicationFilterTests.FacetLinks(second, "Type")[0]);
    }

    [Theory]
    [InlineData("page=4")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=02")]
    [InlineData("page=two")]
    [InlineData("page=2&page=3")]
    [InlineData("type=journal&page=3")]
    [InlineData("year=2016&page=2")]
    public async Task A_page_that_does_not_exist_is_not_found(string query)
    {
        var (slug, _) = await LongProfileAsync(250);

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?{query}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task A_short_list_has_one_page_and_no_pager()
    {
        var (slug, titles) = await LongProfileAsync(12);

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications");

        Assert.Equal("12 publications", page.TextOf(".page-summary"));
        Assert.Equal(titles, Titles(page));
        Assert.Null(page.Document.QuerySelector("nav.pager"));
    }

    [Fact]
    public async Task A_page_of_a_long_list_runs_the_same_queries_as_a_short_list()
    {
        var (small, _) = await LongProfileAsync(3);
        var (large, _) = await LongProfileAsync(250);

        var smallQueries = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{small}/publications"));
        var firstQueries = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{large}/publications"));
        var lastQueries = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{large}/publications?type=journal&page=2"));

        Assert.Equal(smallQueries.Count, firstQueries.Count);
        Assert.Equal(smallQueries.Count, lastQueries.Count);
        Assert.InRange(firstQueries.Count, 1, 8);
        // The page's papers are chosen in SQL, not by loading the whole list.
        Assert.Contains(firstQueries, q => q.Contains("LIMIT", StringComparison.Ordinal) && q.Contains("OFFSET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_profile_page_shows_a_bounded_number_of_selected_papers_and_links_to_the_list()
    {
        var builder = new ResearcherBuilder("Selective Author");
        for (var i = 0; i < 60; i++)
        {
            builder.WithPublication($"Selected {i:D2}", p => p.Owner(), highlighted: true);
        }
        var researcher = await builder.SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(50, page.Document.QuerySelectorAll("article.pub").Length);
        Assert.Equal("Selected 00", page.TextOf("article.pub h3 a"));
        Assert.Equal("50 of 60 selected publications shown. All publications (60)", page.TextOf(".more-link"));
        Assert.Equal($"/people/{researcher.Slug}/publications", page.Document.QuerySelector(".more-link a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_of_a_long_list_are_valid_html()
    {
        var (slug, _) = await LongProfileAsync(250);
        var list = $"/people/{slug}/publications";
        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { list, $"{list}?page=2", $"{list}?page=3", $"{list}?type=journal&page=2" })
        {
            pages[url] = await _visitor.GetStringOrErrorPageAsync(url);
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    private static IReadOnlyList<string> Titles(HtmlPage page) => page.TextsOf("article.pub h3 a");

    /// <summary>
    /// A profile with <paramref name="count"/> papers, saved in one go: thirty a year from 2024
    /// down, conference and journal papers alternating. Returns the titles in the order the list shows them.
    /// </summary>
    private async Task<(string Slug, IReadOnlyList<string> Titles)> LongProfileAsync(int count)
    {
        var builder = new ResearcherBuilder("Prolific Author");
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var title = $"Paper {i.ToString("D3", CultureInfo.InvariantCulture)}";
            titles.Add(title);
            builder.WithPublication(title, p => p.Owner().Author("Co Author").With(x =>
            {
                x.Year = 2024 - index / PapersPerYear;
                x.Type = index % 2 == 0 ? PublicationType.Conference : PublicationType.Journal;
            }));
        }
        var researcher = await builder.SaveAsync(factory);
        return (researcher.Slug, titles);
    }
}
