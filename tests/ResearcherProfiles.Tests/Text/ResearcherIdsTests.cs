using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Text;

public sealed class ResearcherIdsTests
{
    [Theory]
    [InlineData("0000-0002-1825-0097")]
    [InlineData(" 0000-0002-1825-0097 ")]
    [InlineData("https://orcid.org/0000-0002-1825-0097")]
    [InlineData("http://orcid.org/0000-0002-1825-0097/")]
    [InlineData("orcid.org/0000-0002-1825-0097")]
    [InlineData("0000000218250097")]
    public void An_ORCID_iD_is_read_bare_or_as_its_address(string text) =>
        Assert.Equal("0000-0002-1825-0097", ResearcherIds.NormalizeOrcid(text));

    [Fact]
    public void An_ORCID_iD_whose_check_digit_is_ten_ends_in_X() =>
        Assert.Equal("0000-0002-1694-233X", ResearcherIds.NormalizeOrcid("https://orcid.org/0000-0002-1694-233x"));

    [Theory]
    [InlineData("0000-0002-1825-0098")]
    [InlineData("0000-0002-1825-009X")]
    [InlineData("0000-0002-1694-2330")]
    public void An_ORCID_iD_with_a_wrong_check_digit_is_refused(string text) => Assert.Null(ResearcherIds.NormalizeOrcid(text));

    [Theory]
    [InlineData("")]
    [InlineData("Josiah Carberry")]
    [InlineData("0000-0002-1825")]
    [InlineData("0000-0002-1825-00977")]
    [InlineData("00000-002-1825-0097")]
    [InlineData("https://example.org/0000-0002-1825-0097")]
    [InlineData("0000-0002-1825-0097; drop table")]
    public void Junk_is_no_ORCID_iD(string text) => Assert.Null(ResearcherIds.NormalizeOrcid(text));

    [Theory]
    [InlineData("31/1161", "31/1161")]
    [InlineData("h/GeoffreyEHinton", "h/GeoffreyEHinton")]
    [InlineData("https://dblp.org/pid/31/1161.html", "31/1161")]
    [InlineData("https://dblp.org/pid/123/4567-1.xml", "123/4567-1")]
    [InlineData("https://dblp.uni-trier.de/pid/31/1161", "31/1161")]
    [InlineData("dblp.org/pid/70/1234/", "70/1234")]
    public void A_DBLP_person_id_is_read_bare_or_as_its_address(string text, string pid) =>
        Assert.Equal(pid, ResearcherIds.NormalizeDblpPid(text));

    [Theory]
    [InlineData("")]
    [InlineData("1161")]
    [InlineData("Geoffrey Hinton")]
    [InlineData("../../etc/passwd")]
    [InlineData("31/1161/extra")]
    [InlineData("https://example.org/pid/31/1161")]
    public void Junk_is_no_DBLP_person_id(string text) => Assert.Null(ResearcherIds.NormalizeDblpPid(text));

    [Theory]
    [InlineData("A5023888391")]
    [InlineData("a5023888391")]
    [InlineData("https://openalex.org/A5023888391")]
    [InlineData("https://openalex.org/authors/A5023888391")]
    [InlineData("https://api.openalex.org/authors/A5023888391/")]
    public void An_OpenAlex_author_id_is_read_bare_or_as_its_address(string text) =>
        Assert.Equal("A5023888391", ResearcherIds.NormalizeOpenAlexAuthor(text));

    [Theory]
    [InlineData("")]
    [InlineData("W2741809807")]
    [InlineData("A12")]
    [InlineData("Heather Piwowar")]
    [InlineData("https://example.org/A5023888391")]
    public void Junk_is_no_OpenAlex_author_id(string text) => Assert.Null(ResearcherIds.NormalizeOpenAlexAuthor(text));
}
