using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Tests.Sources;

public sealed class PaperIdentifierTests
{
    private static string Responses(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Responses", file));

    [Theory]
    [InlineData("10.1162/neco.1997.9.8.1735", IdentifierKind.Doi, "10.1162/neco.1997.9.8.1735")]
    [InlineData("https://doi.org/10.1162/NECO.1997.9.8.1735", IdentifierKind.Doi, "10.1162/neco.1997.9.8.1735")]
    [InlineData("https://www.doi.org/10.1162/neco.1997.9.8.1735", IdentifierKind.Doi, "10.1162/neco.1997.9.8.1735")]
    [InlineData("doi:10.1145/3600000.3600001", IdentifierKind.Doi, "10.1145/3600000.3600001")]
    [InlineData("2403.16952", IdentifierKind.Arxiv, "2403.16952")]
    [InlineData("arXiv:2201.03514v2", IdentifierKind.Arxiv, "2201.03514")]
    [InlineData("https://arxiv.org/abs/2201.03514v2", IdentifierKind.Arxiv, "2201.03514")]
    [InlineData("https://arxiv.org/pdf/2403.16952v1.pdf", IdentifierKind.Arxiv, "2403.16952")]
    [InlineData("https://arxiv.org/pdf/2403.16952", IdentifierKind.Arxiv, "2403.16952")]
    [InlineData("http://export.arxiv.org/abs/cs/0112017", IdentifierKind.Arxiv, "cs/0112017")]
    [InlineData("https://doi.org/10.48550/arXiv.2403.16952", IdentifierKind.Arxiv, "2403.16952")]
    public void Reads_each_way_of_writing_an_identifier(string word, IdentifierKind kind, string value) =>
        Assert.Equal(new PaperIdentifier(kind, value), PaperIdentifiers.Read(word));

    [Theory]
    [InlineData("hello")]
    [InlineData("10.12/x")]
    [InlineData("https://example.org/10.1162/x")]
    [InlineData("2403.169")]
    public void Rejects_words_that_are_no_identifier(string word) => Assert.Null(PaperIdentifiers.Read(word));

    [Fact]
    public void Splits_pasted_text_keeps_order_drops_repeats_and_lists_the_rest()
    {
        var list = PaperIdentifiers.Parse("10.1162/neco.1997.9.8.1735,\n doi: 10.1145/3600000.3600001; arXiv:2403.16952v2\r\nhttps://doi.org/10.1162/neco.1997.9.8.1735 see-also");

        Assert.Equal(
            [new(IdentifierKind.Doi, "10.1162/neco.1997.9.8.1735"), new(IdentifierKind.Doi, "10.1145/3600000.3600001"), new PaperIdentifier(IdentifierKind.Arxiv, "2403.16952")],
            list.Identifiers);
        Assert.Equal(["see-also"], list.Unrecognised);
    }

    [Fact]
    public void Maps_a_Crossref_journal_article()
    {
        var paper = CslJson.Read(Responses("journal-article.json"));

        Assert.Equal("Long Short-Term Memory & Friends", paper.Title);
        Assert.Equal(PublicationType.Journal, paper.Type);
        Assert.Equal([new FetchedAuthor("Orla", "Quist", null), new FetchedAuthor("Jürgen", "Brenner", null)], paper.Authors);
        Assert.Equal((1997, 11), (paper.Year, paper.Month));
        Assert.Equal(("Neural Computation", "Neural Comput."), (paper.Venue, paper.VenueShort));
        Assert.Equal(("9", "8", "1735-1780", "MIT Press"), (paper.Volume, paper.Issue, paper.Pages, paper.Publisher));
        Assert.Equal("10.1162/neco.1997.9.8.1735", paper.Doi);
        Assert.Equal("Learning to store information over extended time intervals by recurrent backpropagation takes a very long time.\n\nWe briefly review & analyse it.", paper.Abstract);
    }

    [Fact]
    public void Maps_a_conference_paper_with_array_titles_and_a_DataCite_dataset()
    {
        var paper = CslJson.Read(Responses("conference-paper.json"));
        var dataset = CslJson.Read(Responses("datacite-dataset.json"));

        Assert.Equal(("Sparse Attention Without Regret", PublicationType.Conference, 2023, 6), (paper.Title, paper.Type, paper.Year, paper.Month));
        Assert.Equal("Proceedings of the 2023 Conference on Learning Systems", paper.Venue);
        Assert.Equal((PublicationType.Other, 2021, "Zenodo", "10.5281/zenodo.1234567"), (dataset.Type, dataset.Year, dataset.Publisher, dataset.Doi));
        Assert.Equal(new FetchedAuthor(null, null, "Open Data Consortium"), dataset.Authors[1]);
    }

    [Fact]
    public void Control_characters_escaped_in_CSL_JSON_are_dropped()
    {
        var paper = CslJson.Read("""
            {"type": "article-journal", "title": "Tides\u0000 and\u0007 Gauges\u0085",
             "author": [{"given": "Orla\u0000", "family": "Qu\u001bist"}, {"literal": "\u0000"}],
             "container-title": ["Ocean\u0008 Letters"], "abstract": "<jats:p>One\u0000.</jats:p><jats:p>Two\u0001.</jats:p>"}
            """);

        Assert.Equal("Tides and Gauges", paper.Title);
        Assert.Equal([new FetchedAuthor("Orla", "Quist", null)], paper.Authors);
        Assert.Equal("Ocean Letters", paper.Venue);
        Assert.Equal("One.\n\nTwo.", paper.Abstract);
    }

    [Theory]
    [InlineData("{\"title\": \"Unfinished")]
    [InlineData("[1, 2]")]
    [InlineData("{\"type\": \"article-journal\"}")]
    public void Malformed_CSL_JSON_is_a_format_error(string json) => Assert.Throws<FormatException>(() => CslJson.Read(json));

    [Fact]
    public void Maps_arXiv_Atom_with_versions_and_a_published_DOI()
    {
        var papers = ArxivAtom.Read(Responses("arxiv-feed.xml"));

        var preprint = papers["2403.16952"];
        Assert.Equal(("Tidal Forecasts from Sparse Gauges", PublicationType.Preprint, 2024, 3, 3), (preprint.Title, preprint.Type, preprint.Year, preprint.Month, preprint.ArxivVersion));
        Assert.Equal(["Orla Quist", "Jan van der Berg"], preprint.Authors.Select(a => a.AsWritten));
        Assert.Equal("We forecast tides from a handful of gauges. The method is simple.", preprint.Abstract);
        Assert.Null(preprint.Doi);
        Assert.Equal(("10.1145/3600000.3600001", 2), (papers["2201.03514"].Doi, papers["2201.03514"].ArxivVersion));
        Assert.Throws<FormatException>(() => ArxivAtom.Read("<html>busy</html>"));
        Assert.Throws<FormatException>(() => ArxivAtom.Read("<feed"));
    }

    [Fact]
    public void Fetched_papers_read_back_through_the_BibTeX_importer_unchanged()
    {
        var paper = CslJson.Read(Responses("journal-article.json")) with { Title = "Braces {x}, 100% & $5 \\ ~ok_1 #2" };

        var bibtex = FetchedBibtex.Write([paper]);
        var entry = Assert.Single(ResearcherProfiles.Core.Bibtex.BibtexParser.Parse(bibtex).Entries);
        var mapped = ResearcherProfiles.Core.Bibtex.BibtexPublicationMapper.Map(entry).Mapped!;

        Assert.Equal("Braces {x}, 100% & $5 \\ ~ok_1 #2", mapped.Publication.Title);
        Assert.Equal(PublicationType.Journal, mapped.Publication.Type);
        Assert.Equal("10.1162/neco.1997.9.8.1735", mapped.Publication.Doi);
        Assert.Equal(("Neural Computation", 1997, 11), (mapped.Publication.VenueName, mapped.Publication.Year, mapped.Publication.Month));
    }

    [Fact]
    public void A_fetched_papers_own_page_becomes_a_labelled_link_of_the_import()
    {
        var paper = CslJson.Read(Responses("journal-article.json")) with { Url = "https://github.com/example/project_x" };

        var entry = Assert.Single(ResearcherProfiles.Core.Bibtex.BibtexParser.Parse(FetchedBibtex.Write([paper])).Entries);
        var mapped = ResearcherProfiles.Core.Bibtex.BibtexPublicationMapper.Map(entry).Mapped!;

        var link = Assert.Single(mapped.Publication.Links);
        Assert.Equal((PublicationLinkKind.Code, "https://github.com/example/project_x"), (link.Kind, link.Url));
    }
}
