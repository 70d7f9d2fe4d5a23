using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Tests.Sources;

public sealed class OrcidWorksTests
{
    private static string Responses(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Responses", file));

    [Fact]
    public void Each_group_gives_one_work_described_by_its_preferred_summary()
    {
        var works = OrcidWorks.ReadSummaries(Responses("orcid-works.json"));

        Assert.Equal(["51234999", "61000001", "70000001", "70000002", "70000003"], works.Select(w => w.SourceKey));
        var glacier = works[0].Paper;
        // The researcher's own summary (display index 1) wins over Crossref's (0).
        Assert.Equal("Tidewater glacier retreat in Svalbard, 1990–2018", glacier.Title);
        Assert.Equal((PublicationType.Journal, 2019, 5, "Journal of Glaciology", "10.5555/jog.2019.0042"), (glacier.Type, glacier.Year, glacier.Month, glacier.Venue, glacier.Doi));
        Assert.Empty(glacier.Authors);
    }

    [Fact]
    public void Only_the_works_own_identifiers_count_and_arXiv_ids_are_read()
    {
        var works = OrcidWorks.ReadSummaries(Responses("orcid-works.json"));

        var conference = works[1].Paper;
        Assert.Equal((PublicationType.Conference, "10.5555/icml.2021.117", "2105.01234"), (conference.Type, conference.Doi, conference.ArxivId));
        var chapter = works[2].Paper;
        // Its ISBN is the book's ("part-of"), and it has no DOI.
        Assert.Equal((PublicationType.BookChapter, (string?)null, (string?)null, "https://example.org/polar-methods/ch3"), (chapter.Type, chapter.Doi, chapter.ArxivId, chapter.Url));
        Assert.Equal((PublicationType.Thesis, 2014, 9), (works[3].Paper.Type, works[3].Paper.Year, works[3].Paper.Month));
        Assert.Equal(PublicationType.Other, works[4].Paper.Type);
    }

    [Fact]
    public void Details_give_authors_as_written_leave_out_editors_and_fall_back_on_the_BibTeX_citation()
    {
        var details = OrcidWorks.ReadBulk(Responses("orcid-works-bulk.json"));

        // The fifth entry is an error: that work is simply not in the details.
        Assert.Equal(["51234999", "61000001", "70000001", "70000002"], details.Keys.Order());
        var glacier = details["51234999"];
        Assert.Equal([new FetchedAuthor(null, null, null, "Josiah Carberry"), new FetchedAuthor(null, null, null, "Ingrid M. Solheim")], glacier.Authors);
        Assert.StartsWith("Forty tidewater glaciers", glacier.Abstract, StringComparison.Ordinal);
        Assert.Equal([new FetchedAuthor("Josiah", "Carberry", null), new FetchedAuthor("María", "de la Cruz", null)], details["70000001"].Authors);
    }

    [Theory]
    [InlineData("journal-article", PublicationType.Journal)]
    [InlineData("JOURNAL_ARTICLE", PublicationType.Journal)]
    [InlineData("conference-paper", PublicationType.Conference)]
    [InlineData("preprint", PublicationType.Preprint)]
    [InlineData("book-chapter", PublicationType.BookChapter)]
    [InlineData("dissertation-thesis", PublicationType.Thesis)]
    [InlineData("data-set", PublicationType.Other)]
    [InlineData(null, PublicationType.Other)]
    public void ORCID_work_types_map_to_publication_types(string? type, PublicationType expected) => Assert.Equal(expected, OrcidWorks.TypeOf(type));

    [Fact]
    public void A_record_without_works_is_an_empty_list()
    {
        Assert.Empty(OrcidWorks.ReadSummaries("{\"last-modified-date\": null, \"group\": [], \"path\": \"/0009-0000-0000-0017/works\"}"));
        Assert.Empty(OrcidWorks.ReadSummaries("{\"group\": [{\"work-summary\": []}, {\"work-summary\": [{\"put-code\": 1, \"title\": null}]}]}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"group\": [{\"work-summary\": ")]
    [InlineData("[]")]
    [InlineData("{\"error-code\": 9016}")]
    [InlineData("<html>maintenance</html>")]
    public void Anything_else_is_a_format_error(string answer)
    {
        Assert.Throws<FormatException>(() => OrcidWorks.ReadSummaries(answer));
        Assert.Throws<FormatException>(() => OrcidWorks.ReadBulk(answer));
    }
}
