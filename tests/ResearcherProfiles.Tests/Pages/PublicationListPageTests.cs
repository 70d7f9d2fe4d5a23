using System.Net;
using AngleSharp.Dom;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>/people/{slug}/publications: every visible publication, grouped by year.</summary>
public sealed class PublicationListPageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Every_visible_publication_is_listed_by_year_newest_year_first()
    {
        var researcher = await new ResearcherBuilder("Prolific Author")
            .WithPublication("Old Paper", p => p.Owner().With(x => x.Year = 2019))
            .WithPublication("Spring Paper", p => p.Owner().With(x => (x.Year, x.Month) = (2024, 3)), highlighted: true)
            .WithPublication("Middle Paper", p => p.Owner().With(x => x.Year = 2021))
            .WithPublication("Undated Draft", p => p.Owner().With(x => x.Year = null))
            .WithPublication("Winter Paper", p => p.Owner().With(x => (x.Year, x.Month) = (2024, 12)))
            .WithPublication("Hidden Paper", p => p.Owner().With(x => x.Year = 2021), visible: false)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Publications of Prolific Author", Assert.Single(page.TextsOf("h1")));
        Assert.Equal("5 publications", page.TextOf(".page-summary"));
        Assert.Equal(["2024 (2)", "2021 (1)", "2019 (1)", "Undated (1)"], page.SectionHeadings);
        var byYear = page.Document.QuerySelectorAll("section.year-group")
            .Select(s => s.QuerySelectorAll("article.pub h3").Select(TitleOf).ToList())
            .ToList();
        Assert.Equal(
            [["Winter Paper", "Spring Paper"], ["Middle Paper"], ["Old Paper"], ["Undated Draft"]],
            byYear);
        Assert.DoesNotContain("Hidden Paper", page.BodyText, StringComparison.Ordinal);
        Assert.Equal(["2024", "2021", "2019", "Undated"], page.TextsOf("nav.year-index a"));
        Assert.Equal("#y2024", page.Document.QuerySelector("nav.year-index a")?.GetAttribute("href"));
        Assert.NotNull(page.Document.GetElementById("y2024"));
    }

    [Fact]
    public async Task The_full_list_marks_highlighted_publications()
    {
        var researcher = await new ResearcherBuilder("Marking Author")
            .WithPublication("Selected Work", p => p.Owner(), highlighted: true)
            .WithPublication("Other Work", p => p.Owner())
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        var selected = page.Document.QuerySelectorAll("article.pub").Where(a => a.QuerySelector(".pub-selected") is not null).ToList();
        Assert.Equal("Selected Work", TitleOf(Assert.Single(selected).QuerySelector("h3")!));
    }

    [Fact]
    public async Task The_full_list_shows_bylines_with_marks_and_the_legend()
    {
        var coauthor = await new ResearcherBuilder("List Coauthor").SaveAsync(factory);
        var owner = new ResearcherBuilder("List Owner");
        await owner
            .WithPublication("Not Highlighted But Marked", p => p.Author("First Person", equal: true).Owner(equal: true).Author(coauthor, corresponding: true))
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}/publications");

        var byline = page.Document.QuerySelector("article.pub .authors");
        Assert.Equal("First Person*, List Owner*, and List Coauthor†", byline?.CleanText());
        Assert.Equal("List Owner", byline?.QuerySelector("strong")?.CleanText());
        Assert.Equal($"/people/{coauthor.Slug}", byline?.QuerySelector("a")?.GetAttribute("href"));
        Assert.StartsWith("(*: Equal contribution; †: Corresponding author)", page.TextOf("header .legend"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_list_links_back_to_the_profile()
    {
        var researcher = await new ResearcherBuilder("Breadcrumb Author").WithPublication("Some Paper", p => p.Owner()).SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Contains(
            page.Document.QuerySelectorAll("nav a"),
            a => a.GetAttribute("href") == $"/people/{researcher.Slug}" && a.CleanText() == "Breadcrumb Author");
    }

    [Fact]
    public async Task A_researcher_without_publications_gets_an_empty_list_not_an_error()
    {
        var researcher = await new ResearcherBuilder("Paperless Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("0 publications", page.TextOf(".page-summary"));
        Assert.Empty(page.Document.QuerySelectorAll("article.pub"));
    }

    [Fact]
    public async Task The_publication_list_of_an_unknown_slug_is_a_404()
    {
        var page = await _visitor.GetPageAsync("/people/nobody-at-all/publications");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
    }

    /// <summary>A publication heading's title without the "★ Selected:" mark of highlighted papers.</summary>
    private static string TitleOf(IElement heading) => heading.LastChild!.TextContent.Trim();
}
