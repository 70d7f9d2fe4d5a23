using System.Text.Json;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Tests.Sources;

public sealed class OpenAlexWorksTests
{
    private static string Responses(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Responses", file));

    [Fact]
    public void A_page_gives_its_works_by_work_id_and_the_next_cursor()
    {
        var first = OpenAlexWorks.ReadPage(Responses("openalex-works-page1.json"));
        var last = OpenAlexWorks.ReadPage(Responses("openalex-works-page2.json"));

        Assert.Equal(["W4390000001", "W4390000002", "W4390000003"], first.Works.Select(w => w.SourceKey));
        Assert.Equal("IlsyMDE5LCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTAwMDAwMDMnXSI=", first.NextCursor);
        Assert.Equal(["W4390000004", "W4390000005", "W4390000006"], last.Works.Select(w => w.SourceKey));
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public void A_journal_article_keeps_its_bibliographic_details_and_its_abstract_is_rebuilt()
    {
        var article = OpenAlexWorks.ReadPage(Responses("openalex-works-page1.json")).Works[0].Paper;

        Assert.Equal(("Tidewater glacier retreat in Svalbard, 1990–2018", PublicationType.Journal, 2019, 5), (article.Title, article.Type, article.Year, article.Month));
        Assert.Equal(("Journal of Glaciology", "65", "251", "421-437", "Cambridge University Press"), (article.Venue, article.Volume, article.Issue, article.Pages, article.Publisher));
        Assert.Equal("10.5555/jog.2019.0042", article.Doi);
        Assert.Equal(["Lena Okafor", "Wei Wang", "Ingrid M. Solheim"], article.Authors.Select(a => a.AsWritten));
        Assert.Equal("Forty tidewater glaciers in Svalbard retreated by 1.2 km on average between 1990 and 2018. Retreat was fastest where the fjord was deepest.", article.Abstract);
    }

    [Fact]
    public void Control_characters_escaped_in_a_works_page_are_dropped()
    {
        var page = OpenAlexWorks.ReadPage("""
            {"meta": {"next_cursor": null}, "results": [{"id": "https://openalex.org/W1", "title": "Glacier\u0000 Retreat\u009c",
             "type": "article", "publication_year": 2019,
             "authorships": [{"author": {"display_name": "Lena\u0000 Okafor"}}, {"author": {"display_name": "\u0000\u0001"}, "raw_author_name": "Wei Wang"}],
             "abstract_inverted_index": {"Ice\u0000": [0], "retreats.\u0007": [1]}}]}
            """);

        var paper = Assert.Single(page.Works).Paper;
        Assert.Equal("Glacier Retreat", paper.Title);
        Assert.Equal(["Lena Okafor", "Wei Wang"], paper.Authors.Select(a => a.AsWritten));
        Assert.Equal("Ice retreats.", paper.Abstract);
    }

    [Fact]
    public void ArXiv_papers_are_known_by_their_arXiv_DOI_or_an_arxiv_org_location()
    {
        var works = OpenAlexWorks.ReadPage(Responses("openalex-works-page1.json")).Works;

        Assert.Equal((PublicationType.Preprint, "2403.16952", (string?)null), (works[1].Paper.Type, works[1].Paper.ArxivId, works[1].Paper.Doi));
        var conference = works[2].Paper;
        Assert.Equal((PublicationType.Conference, "2105.01234", "7811-7822", "http://proceedings.mlr.press/v139/okafor21a.html"), (conference.Type, conference.ArxivId, conference.Pages, conference.Url));
    }

    [Fact]
    public void Other_types_map_by_OpenAlex_type()
    {
        var works = OpenAlexWorks.ReadPage(Responses("openalex-works-page2.json")).Works;

        Assert.Equal([PublicationType.BookChapter, PublicationType.Thesis, PublicationType.Other], works.Select(w => w.Paper.Type));
        Assert.Equal(("45-67", (string?)null), (works[0].Paper.Pages, works[0].Paper.Doi));
        Assert.Equal("10.5281/zenodo.7654321", works[2].Paper.Doi);
    }

    [Theory]
    [InlineData("article", "journal", PublicationType.Journal)]
    [InlineData("article", null, PublicationType.Journal)]
    [InlineData("article", "conference", PublicationType.Conference)]
    [InlineData("article", "repository", PublicationType.Preprint)]
    [InlineData("preprint", "repository", PublicationType.Preprint)]
    [InlineData("book-chapter", "book series", PublicationType.BookChapter)]
    [InlineData("dissertation", null, PublicationType.Thesis)]
    [InlineData("dataset", "repository", PublicationType.Other)]
    public void OpenAlex_types_map_by_the_kind_of_source(string type, string? sourceType, PublicationType expected) =>
        Assert.Equal(expected, OpenAlexWorks.TypeOf(type, sourceType, "Some Venue"));

    [Fact]
    public void An_inverted_index_naming_far_positions_is_bounded()
    {
        using var index = JsonDocument.Parse("{\"end\": [2147483000], \"Sea\": [0], \"ice\": [1, -4], \"odd\": \"x\"}");

        Assert.Equal("Sea ice", OpenAlexWorks.AbstractFrom(index.RootElement));
    }

    [Fact]
    public void Titles_lose_their_inline_markup()
    {
        var page = OpenAlexWorks.ReadPage("{\"meta\": {\"next_cursor\": null}, \"results\": [{\"id\": \"https://openalex.org/W1\", \"title\": \"Growth of <i>E. coli</i> in <scp>Arctic</scp> fjords &amp; more\", \"type\": \"article\"}, {\"id\": \"https://openalex.org/W2\", \"title\": null, \"display_name\": \"Only a display name\"}, {\"id\": \"https://openalex.org/W3\", \"title\": null}]}");

        Assert.Equal(["Growth of E. coli in Arctic fjords & more", "Only a display name"], page.Works.Select(w => w.Paper.Title));
    }

    [Fact]
    public void Cited_by_counts_are_read_by_normalised_DOI()
    {
        var counts = OpenAlexWorks.ReadCitedBy(Responses("openalex-cited-by.json"));

        Assert.Equal(37, counts["10.5555/jog.2019.0042"]);
        Assert.Equal(5, counts["10.48550/arxiv.2403.16952"]);
        Assert.Equal(0, counts["10.5281/zenodo.7654321"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"meta\": {\"count\": 6}, \"results\": [{\"id\": ")]
    [InlineData("{\"error\": \"Invalid query parameters error.\"}")]
    [InlineData("[]")]
    public void Anything_else_is_a_format_error(string answer)
    {
        Assert.Throws<FormatException>(() => OpenAlexWorks.ReadPage(answer));
        Assert.Throws<FormatException>(() => OpenAlexWorks.ReadCitedBy(answer));
    }
}
