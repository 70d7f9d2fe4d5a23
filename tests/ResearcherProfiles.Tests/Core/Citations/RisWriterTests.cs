using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

public sealed class RisWriterTests
{
    private static RisRecord One(Publication publication, bool includeAbstract = true) =>
        Assert.Single(RisReader.Read(RisWriter.Write([publication], includeAbstract)));

    [Fact]
    public void A_record_lists_every_field_in_tagged_lines_with_crlf()
    {
        var ris = RisWriter.Write([Full()]);

        Assert.Equal(
            """
            TY  - CONF
            TI  - Needles & Haystacks: 100% Recall at $0 with GPT-4 -- A {Study} of C# ~ x^2 \ Long Contexts
            AU  - Castellanos, Mira
            AU  - de la Cruz, José
            AU  - King, Martin Luther, Jr.
            AU  - Kaiser, Łukasz
            AU  - Plato
            AU  - 李伟
            PY  - 2023
            DA  - 2023/05//
            T2  - Annual Meeting of the Association for Computational Linguistics
            J2  - ACL
            VL  - 1
            IS  - 3
            SP  - 12
            EP  - 34
            PB  - Association for Computational Linguistics
            DO  - 10.18653/v1/2023.acl-long.1
            UR  - https://aclanthology.org/2023.acl-long.1/
            UR  - https://arxiv.org/abs/2403.16952
            L1  - https://example.org/needles.pdf
            UR  - https://github.com/example/needles
            UR  - https://example.org/slides.pdf
            UR  - https://needles.example.org/~mira/
            UR  - https://blog.example.org/needles
            UR  - https://bench.example.org/?q=needles&page=2
            UR  - https://video.example.org/needles
            UR  - https://example.org/poster.pdf
            UR  - https://data.example.org/needles_v2
            AB  - We look for needles. Then we find 50% of them_all.
            N1  - Extended version of a workshop paper
            KW  - long context
            KW  - retrieval
            """.ReplaceLineEndings("\r\n") + "\r\nER  - \r\n",
            ris);
    }

    [Theory]
    [InlineData(PublicationType.Conference, "CONF")]
    [InlineData(PublicationType.Workshop, "CONF")]
    [InlineData(PublicationType.InvitedPaper, "CONF")]
    [InlineData(PublicationType.Journal, "JOUR")]
    [InlineData(PublicationType.BookChapter, "CHAP")]
    [InlineData(PublicationType.Thesis, "THES")]
    [InlineData(PublicationType.Preprint, "UNPB")]
    [InlineData(PublicationType.Other, "GEN")]
    public void Each_type_has_its_ris_type(PublicationType type, string ty)
    {
        var publication = Paper("T");
        publication.Type = type;

        Assert.Equal(ty, One(publication).Lines[0] is ("TY", var value) ? value : null);
    }

    [Fact]
    public void Journals_name_their_venue_with_jo_and_others_with_t2()
    {
        var journal = Paper("T");
        journal.Type = PublicationType.Journal;
        journal.VenueName = "Journal of Things";
        var chapter = Paper("T");
        chapter.Type = PublicationType.BookChapter;
        chapter.VenueName = "A Book of Things";

        Assert.Equal(("Journal of Things", null), (One(journal).One("JO"), One(journal).One("T2")));
        Assert.Equal((null, "A Book of Things"), (One(chapter).One("JO"), One(chapter).One("T2")));
    }

    [Theory]
    [InlineData("123--145", "123", "145")]
    [InlineData("123–145", "123", "145")]
    [InlineData("123-145", "123", "145")]
    [InlineData("12:1 — 12:20", "12:1", "12:20")]
    [InlineData("e1003", "e1003", null)]
    public void Pages_split_into_start_and_end(string pages, string start, string? end)
    {
        var publication = Paper("T");
        publication.Pages = pages;

        var record = One(publication);

        Assert.Equal((start, end), (record.One("SP"), record.One("EP")));
    }

    [Fact]
    public void A_trailing_et_al_is_left_out_of_the_authors() =>
        Assert.Equal(["Ruiz, Ana", "Chen, Bo"], One(Paper("T", "Ana Ruiz", "Bo Chen", "et al.")).All("AU"));

    [Fact]
    public void A_year_without_a_month_has_no_date_line()
    {
        var record = One(Paper("T"));

        Assert.Equal(("2023", null), (record.One("PY"), record.One("DA")));
    }

    [Fact]
    public void The_abstract_can_be_left_out() => Assert.Null(One(Full(), includeAbstract: false).One("AB"));

    [Fact]
    public void Only_http_and_https_links_are_written()
    {
        var publication = Paper("T");
        publication.Url = "javascript:alert(1)";
        AddLink(publication, PublicationLinkKind.Pdf, "ftp://example.org/a.pdf");
        AddLink(publication, PublicationLinkKind.Code, "https://github.com/example/code");

        var record = One(publication);

        Assert.Equal(["https://github.com/example/code"], record.All("UR"));
        Assert.Empty(record.All("L1"));
    }

    [Fact]
    public void Records_follow_each_other_separated_by_a_blank_line()
    {
        var ris = RisWriter.Write([Paper("One"), Paper("Two")]);

        Assert.Contains("ER  - \r\n\r\nTY  - CONF\r\n", ris, StringComparison.Ordinal);
        Assert.Equal(["One", "Two"], RisReader.Read(ris).Select(r => r.One("TI")));
        Assert.DoesNotContain("\n", ris.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_read_gives_back_the_same_paper()
    {
        var original = Full();

        var record = One(original);

        Assert.Equal(original.Title, record.One("TI"));
        Assert.Equal(original.Authors.Select(a => a.Name), record.AuthorDisplayNames());
        Assert.Equal(original.VenueName, record.One("T2"));
        Assert.Equal("2023", record.One("PY"));
        Assert.Equal(5, int.Parse(record.One("DA")!.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(original.Doi, record.One("DO"));
        Assert.Equal(original.ArxivId, record.All("UR").Select(ScholarlyIds.NormalizeArxivId).Single(id => id is not null));
        Assert.Equal(original.Url, record.All("UR")[0]);
        Assert.Equal(
            original.Links.OrderBy(l => l.SortOrder).Select(l => l.Url),
            record.All("L1").Concat(record.All("UR").Skip(2)));
    }
}
