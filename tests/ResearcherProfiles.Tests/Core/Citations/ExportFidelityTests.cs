using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Core.Citations;

/// <summary>Exports keep what was entered; the citation a reader copies carries none of the site's own keys.</summary>
public sealed class ExportFidelityTests
{
    private static Publication Paper(string pages) => new()
    {
        Title = "Ranges of Pages",
        Type = PublicationType.Conference,
        Status = PublicationStatus.Accepted,
        VenueName = "Conference on Things",
        VenueShort = "CoT",
        Year = 2022,
        Pages = pages,
        Badges = ["Best Paper Award"],
        Keywords = ["ranges"],
        Abstract = "An abstract.",
        Note = "Extended version",
        Authors = [new PublicationAuthor { Position = 0, Name = "Jana Müller" }],
        Links = [new PublicationLink { Kind = PublicationLinkKind.Code, Url = "https://github.com/example/ranges" }],
    };

    [Theory]
    [InlineData("58--70", "58--70")]
    [InlineData("58–70", "58--70")]
    [InlineData("58-70", "58-70")]
    [InlineData("e1234", "e1234")]
    public void BibTeX_pages_keep_the_range_as_entered(string pages, string written)
    {
        var bibtex = BibtexWriter.WriteEntry(Paper(pages));
        Assert.Contains($"pages = {{{written}}}", bibtex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("58--70")]
    [InlineData("58–70")]
    public void A_range_read_back_is_the_same_range(string pages)
    {
        var reread = BibtexPublicationMapper.Map(Assert.Single(BibtexParser.Parse(BibtexWriter.WriteEntry(Paper(pages))).Entries)).Mapped!.Publication;
        Assert.Equal("58–70", reread.Pages);
        Assert.Contains("pages = {58--70}", BibtexWriter.WriteEntry(reread), StringComparison.Ordinal);
    }

    [Fact]
    public void RIS_splits_the_range_and_CSL_JSON_prints_it_with_an_en_dash()
    {
        var ris = RisWriter.Write([Paper("58--70")]);
        Assert.Contains("SP  - 58", ris, StringComparison.Ordinal);
        Assert.Contains("EP  - 70", ris, StringComparison.Ordinal);
        using var csl = System.Text.Json.JsonDocument.Parse(CslJsonWriter.Write([Paper("58--70")]));
        Assert.Equal("58–70", csl.RootElement[0].GetProperty("page").GetString());
    }

    [Fact]
    public void The_citation_has_no_site_keys_and_the_full_export_keeps_them()
    {
        var paper = Paper("58--70");
        var citation = BibtexWriter.WriteCitation(paper);
        foreach (var key in new[] { "selected", "pubstatus", "pubtype", "award", "abbr", "code", "keywords", "abstract" })
        {
            Assert.DoesNotContain($"  {key} = ", citation, StringComparison.Ordinal);
        }
        Assert.Contains("booktitle = {Conference on Things}", citation, StringComparison.Ordinal);
        Assert.Contains("pages = {58--70}", citation, StringComparison.Ordinal);
        Assert.Contains("note = {Extended version}", citation, StringComparison.Ordinal);

        var full = BibtexWriter.Write([paper], isSelected: _ => true);
        foreach (var key in new[] { "selected", "pubstatus", "award", "abbr", "code", "keywords", "abstract" })
        {
            Assert.Contains($"  {key} = ", full, StringComparison.Ordinal);
        }
    }
}
