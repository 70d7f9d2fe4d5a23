using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;

namespace ResearcherProfiles.Tests.Sources;

public sealed class DblpPersonTests
{
    private static string Responses(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Responses", file));

    [Fact]
    public void Each_record_is_a_work_keyed_by_its_DBLP_key()
    {
        var works = DblpPerson.Read(Responses("dblp-person.xml"));

        Assert.Equal(["journals/corr/abs-2403-16952", "conf/icml/OkaforC21", "journals/jog/OkaforWS19", "books/sp/20/Okafor20", "phd/basesearch/Okafor14"], works.Select(w => w.SourceKey));
        Assert.Equal([PublicationType.Preprint, PublicationType.Conference, PublicationType.Journal, PublicationType.BookChapter, PublicationType.Thesis], works.Select(w => w.Paper.Type));
    }

    [Fact]
    public void A_CoRR_article_is_the_arXiv_preprint_and_homonym_numbers_are_dropped()
    {
        var preprint = DblpPerson.Read(Responses("dblp-person.xml"))[0].Paper;

        Assert.Equal(("Tidal Forecasts from Sparse Gauges", "2403.16952", (string?)null, "arXiv", (string?)null), (preprint.Title, preprint.ArxivId, preprint.Doi, preprint.Venue, preprint.Volume));
        Assert.Equal(["Lena Okafor", "Wei Wang", "Ingrid M. Solheim"], preprint.Authors.Select(a => a.AsWritten));
    }

    [Fact]
    public void Titles_lose_their_period_and_markup_and_DOIs_come_from_doi_org_links()
    {
        var works = DblpPerson.Read(Responses("dblp-person.xml"));

        var article = works[2].Paper;
        Assert.Equal("Tidewater Glacier Retreat in Svalbard, 1990-2018", article.Title);
        Assert.Equal(("10.5555/jog.2019.0042", "J. Glaciol.", "65", "251", "421-437", 2019, 5), (article.Doi, article.Venue, article.Volume, article.Issue, article.Pages, article.Year, article.Month));
        var conference = works[1].Paper;
        Assert.Equal(("ICML", (string?)null, "http://proceedings.mlr.press/v139/okafor21a.html"), (conference.Venue, conference.Doi, conference.Url));
        Assert.Equal("María de la Cruz", works[3].Paper.Authors[1].AsWritten);
        // &oslash; is defined only in DBLP's DTD, which is not read.
        Assert.Equal("University of Tromsø, Norway", works[4].Paper.Venue);
    }

    [Theory]
    [InlineData("Wei Wang 0001", "Wei Wang")]
    [InlineData("Lena  Okafor", "Lena Okafor")]
    [InlineData("Agent 007", "Agent 007")]
    public void Homonym_numbers_are_four_digits_at_the_end(string name, string expected) => Assert.Equal(expected, DblpPerson.WithoutHomonymNumber(name));

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top secret");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE dblpperson [<!ENTITY leak SYSTEM \"file://{secret}\">]><dblpperson><r><article key=\"k\"><title>&leak;</title></article></r></dblpperson>";

            // An entity the ignored DTD would have defined is unknown, so the answer is unreadable rather than leaky.
            Assert.Throws<FormatException>(() => DblpPerson.Read(xml));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("<?xml version=\"1.0\"?><dblpperson name=\"Lena Okafor\"><r><article key=\"x\">")]
    [InlineData("<html><body>Error 500</body></html>")]
    [InlineData("{\"result\": {}}")]
    public void Anything_else_is_a_format_error(string answer) => Assert.Throws<FormatException>(() => DblpPerson.Read(answer));
}
