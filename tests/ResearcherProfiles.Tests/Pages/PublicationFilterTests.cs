using System.Net;
using AngleSharp.Dom;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>Filtering /people/{slug}/publications by type, status and year through the query string.</summary>
public sealed class PublicationFilterTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Without_filters_every_paper_is_listed_and_each_facet_counts_the_values_that_occur()
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications");

        Assert.Equal("7 publications", page.TextOf(".page-summary"));
        Assert.Equal(7, page.Document.QuerySelectorAll("article.pub").Length);
        Assert.Equal(
            [
                "Type: All (7)* · Conference (3) · Journal (1) · Preprint (1) · Book chapter (1) · Invited paper (1)",
                "Status: All (7)* · Published (4) · Accepted (1) · Under review (1) · In preparation (1)",
                "Year: All (7)* · 2023 (3) · 2022 (2) · 2021 (1) · Undated (1)",
            ],
            Facets(page));
        var list = $"/people/{slug}/publications";
        Assert.Equal(
            [
                list, $"{list}?type=conference", $"{list}?type=journal", $"{list}?type=preprint", $"{list}?type=book-chapter", $"{list}?type=invited-paper",
            ],
            FacetLinks(page, "Type"));
        Assert.Equal(
            [list, $"{list}?status=published", $"{list}?status=accepted", $"{list}?status=under-review", $"{list}?status=in-preparation"],
            FacetLinks(page, "Status"));
        Assert.Equal([list, $"{list}?year=2023", $"{list}?year=2022", $"{list}?year=2021", $"{list}?year=undated"], FacetLinks(page, "Year"));
        Assert.Null(page.Document.QuerySelector(".clear-filters"));
        Assert.Null(page.Document.QuerySelector("meta[name=robots]"));
    }

    public static TheoryData<string, string[]> SingleFilters => new()
    {
        { "type=conference", ["Conf 2023 Accepted", "Conf 2023 Published", "Conf 2022 Review"] },
        { "type=journal", ["Journal 2023"] },
        { "type=book-chapter", ["Chapter 2022"] },
        { "type=invited-paper", ["Invited 2021"] },
        { "status=published", ["Conf 2023 Published", "Journal 2023", "Chapter 2022", "Invited 2021"] },
        { "status=under-review", ["Conf 2022 Review"] },
        { "status=in-preparation", ["Undated Draft"] },
        { "year=2023", ["Conf 2023 Accepted", "Conf 2023 Published", "Journal 2023"] },
        { "year=undated", ["Undated Draft"] },
    };

    [Theory]
    [MemberData(nameof(SingleFilters))]
    public async Task One_filter_lists_only_the_matching_papers_and_says_how_many_match(string query, string[] titles)
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?{query}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(titles, Titles(page));
        Assert.Equal($"{titles.Length} of 7 publications", page.TextOf(".page-summary"));
        var clear = page.Document.QuerySelector(".clear-filters a");
        Assert.Equal(("Clear filters", $"/people/{slug}/publications"), (clear?.CleanText(), clear?.GetAttribute("href")));
        Assert.Equal("noindex, follow", page.Document.QuerySelector("head meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Combined_filters_apply_together_and_each_facet_counts_with_the_other_filters()
    {
        var slug = await MixedProfileAsync();
        var list = $"/people/{slug}/publications";

        var page = await _visitor.GetPageAsync($"{list}?type=conference&status=published&year=2023");

        Assert.Equal(["Conf 2023 Published"], Titles(page));
        Assert.Equal("1 of 7 publications", page.TextOf(".page-summary"));
        Assert.Equal(
            [
                "Type: All (2) · Conference (1)* · Journal (1)",
                "Status: All (2) · Published (1)* · Accepted (1)",
                "Year: All (1) · 2023 (1)*",
            ],
            Facets(page));
        Assert.Equal([$"{list}?status=published&year=2023", $"{list}?type=conference&status=published&year=2023", $"{list}?type=journal&status=published&year=2023"], FacetLinks(page, "Type"));
        Assert.Equal([$"{list}?type=conference&year=2023", $"{list}?type=conference&status=published&year=2023", $"{list}?type=conference&status=accepted&year=2023"], FacetLinks(page, "Status"));
        Assert.Equal([$"{list}?type=conference&status=published", $"{list}?type=conference&status=published&year=2023"], FacetLinks(page, "Year"));
    }

    [Fact]
    public async Task The_active_value_is_marked_for_screen_readers_and_for_the_eye()
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?status=accepted");

        var current = page.Document.QuerySelectorAll("nav.filters a[aria-current]").ToList();
        Assert.Equal(["All (1)", "Accepted (1)", "All (1)"], current.Select(a => a.CleanText()));
        Assert.All(current, a => Assert.Equal("true", a.GetAttribute("aria-current")));
        Assert.Equal("Filter publications", page.Document.QuerySelector("nav.filters")?.GetAttribute("aria-label"));
        var facetList = page.Document.QuerySelector("nav.filters ul");
        Assert.Equal("Type:", page.Document.GetElementById(facetList!.GetAttribute("aria-labelledby")!)?.CleanText());
    }

    [Fact]
    public async Task When_nothing_matches_the_page_says_so_and_offers_to_clear_the_filters()
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?type=journal&year=2022");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("article.pub"));
        Assert.Equal("0 of 7 publications", page.TextOf(".page-summary"));
        Assert.Equal("No publications match these filters. Clear filters to see all 7.", page.TextOf(".no-match"));
        Assert.Equal($"/people/{slug}/publications", page.Document.QuerySelector(".no-match a")?.GetAttribute("href"));
        // The active value stays in its facet, with its count of zero, so it can be seen and changed.
        Assert.Equal("Type: All (2) · Conference (1) · Journal (0)* · Book chapter (1)", Facets(page)[0]);
        Assert.Null(page.Document.QuerySelector("nav.year-index"));
    }

    [Fact]
    public async Task A_year_with_no_papers_at_all_is_an_empty_result_not_an_error()
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?year=1999");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("0 of 7 publications", page.TextOf(".page-summary"));
        Assert.EndsWith("· 2021 (1) · 1999 (0)* · Undated (1)", Facets(page)[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type=poster")]
    [InlineData("type=Conference")]
    [InlineData("type=book_chapter")]
    [InlineData("type=bookchapter")]
    [InlineData("status=rejected")]
    [InlineData("status=underreview")]
    [InlineData("year=23")]
    [InlineData("year=twenty")]
    [InlineData("year=2023.0")]
    [InlineData("year=Undated")]
    [InlineData("type=conference&type=journal")]
    public async Task An_unknown_filter_value_is_not_found_rather_than_cached_as_a_page_of_its_own(string query)
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?{query}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
    }

    [Theory]
    [InlineData("type=")]
    [InlineData("utm_source=newsletter")]
    public async Task Empty_filters_and_other_parameters_change_nothing(string query)
    {
        var slug = await MixedProfileAsync();

        var page = await _visitor.GetPageAsync($"/people/{slug}/publications?{query}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("7 publications", page.TextOf(".page-summary"));
    }

    [Fact]
    public async Task Highlighted_papers_keep_their_star_and_its_legend_only_when_one_is_shown()
    {
        var slug = await MixedProfileAsync();

        var withSelected = await _visitor.GetPageAsync($"/people/{slug}/publications?year=2023");
        var withoutSelected = await _visitor.GetPageAsync($"/people/{slug}/publications?year=2022");

        var starred = withSelected.Document.QuerySelectorAll("article.pub").Where(a => a.QuerySelector(".pub-selected") is not null);
        Assert.Equal(["Conf 2023 Published"], starred.Select(a => a.QuerySelector("h3 a")!.CleanText()));
        Assert.Equal("★ marks a selected publication.", withSelected.TextOf(".legend-selected"));
        Assert.Empty(withoutSelected.Document.QuerySelectorAll(".pub-selected"));
        Assert.Null(withoutSelected.Document.QuerySelector(".legend-selected"));
    }

    [Fact]
    public async Task The_header_links_to_exports_of_the_whole_list_whatever_the_filters()
    {
        var slug = await MixedProfileAsync();
        var expected = new[]
        {
            ("BibTeX", $"/people/{slug}/publications.bib"),
            ("RIS", $"/people/{slug}/publications.ris"),
            ("CSL-JSON", $"/people/{slug}/publications.csl.json"),
        };

        foreach (var query in new[] { "", "?type=journal&year=2022" })
        {
            var page = await _visitor.GetPageAsync($"/people/{slug}/publications{query}");

            Assert.Equal("Export:", page.TextOf("header .export-label"));
            Assert.Equal(expected, page.Document.QuerySelectorAll("header .export a").Select(a => (a.CleanText(), a.GetAttribute("href") ?? "")));
        }
    }

    [Fact]
    public async Task A_profile_without_papers_has_neither_filters_nor_exports()
    {
        var researcher = await new ResearcherBuilder("Filterless Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Null(page.Document.QuerySelector("nav.filters"));
        Assert.Null(page.Document.QuerySelector(".export"));
        Assert.Equal("No publications are listed yet.", page.TextOf("main p:not(.page-summary)"));
    }

    [Fact]
    public async Task A_filtered_list_costs_no_more_queries_than_the_full_one()
    {
        var slug = await MixedProfileAsync();

        var full = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{slug}/publications"));
        var filtered = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync($"/people/{slug}/publications?type=conference&status=published&year=2023"));

        Assert.NotEmpty(full);
        Assert.Equal(full.Count, filtered.Count);
    }

    /// <summary>Seven visible papers of every kind (and a hidden one); returns the profile's slug.</summary>
    private async Task<string> MixedProfileAsync()
    {
        var builder = new ResearcherBuilder("Filter Owner")
            .WithPublication("Conf 2023 Published", p => Paper(p, PublicationType.Conference, PublicationStatus.Published, 2023), highlighted: true)
            .WithPublication("Conf 2023 Accepted", p => Paper(p, PublicationType.Conference, PublicationStatus.Accepted, 2023, month: 11))
            .WithPublication("Journal 2023", p => Paper(p, PublicationType.Journal, PublicationStatus.Published, 2023))
            .WithPublication("Conf 2022 Review", p => Paper(p, PublicationType.Conference, PublicationStatus.UnderReview, 2022))
            .WithPublication("Chapter 2022", p => Paper(p, PublicationType.BookChapter, PublicationStatus.Published, 2022))
            .WithPublication("Invited 2021", p => Paper(p, PublicationType.InvitedPaper, PublicationStatus.Published, 2021))
            .WithPublication("Undated Draft", p => Paper(p, PublicationType.Preprint, PublicationStatus.InPreparation, null))
            .WithPublication("Hidden Journal", p => Paper(p, PublicationType.Journal, PublicationStatus.Published, 2020), visible: false);
        await builder.SaveAsync(factory);
        return builder.Slug;
    }

    private static void Paper(PublicationBuilder p, PublicationType type, PublicationStatus status, int? year, int? month = null) =>
        p.Owner().With(x => (x.Type, x.Status, x.Year, x.Month) = (type, status, year, month));

    private static List<string> Titles(HtmlPage page) =>
        page.Document.QuerySelectorAll("article.pub h3 a").Select(a => a.CleanText()).ToList();

    /// <summary>Each facet as "Name: Value (n) · Value (n)", the active value followed by '*'.</summary>
    internal static List<string> Facets(HtmlPage page) =>
        page.Document.QuerySelectorAll("nav.filters .facet").Select(f =>
            f.QuerySelector(".facet-name")!.CleanText() + " " + string.Join(" · ", f.QuerySelectorAll("a").Select(a =>
                a.CleanText() + (a.HasAttribute("aria-current") ? "*" : "")))).ToList();

    internal static List<string> FacetLinks(HtmlPage page, string name) =>
        page.Document.QuerySelectorAll("nav.filters .facet")
            .Single(f => f.QuerySelector(".facet-name")!.CleanText() == name + ":")
            .QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
}
