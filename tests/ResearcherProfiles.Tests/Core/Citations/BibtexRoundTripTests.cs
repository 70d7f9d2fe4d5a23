using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

/// <summary>Export to BibTeX, then the site's own import: the paper comes back as it was.</summary>
public sealed class BibtexRoundTripTests
{
    private static readonly Dictionary<string, Func<Publication>> Samples = new()
    {
        ["every field"] = Full,
        ["journal article"] = () => With(Paper("Sparse Things", "Ana Ruiz"), p => { p.Type = PublicationType.Journal; p.VenueName = "Journal of Things"; p.Volume = "12"; }),
        ["workshop paper"] = () => With(Paper("Small Things", "Ana Ruiz"), p => { p.Type = PublicationType.Workshop; p.VenueName = "Workshop on Things"; }),
        ["conference paper at a workshop-named venue"] = () => With(Paper("Big Things", "Ana Ruiz"), p => p.VenueName = "Joint Conference and Workshop on Things"),
        ["invited paper"] = () => With(Paper("Invited Things", "Ana Ruiz"), p => p.Type = PublicationType.InvitedPaper),
        ["book chapter"] = () => With(Paper("Chapter Things", "Ana Ruiz"), p => { p.Type = PublicationType.BookChapter; p.VenueName = "A Book of Things"; p.Publisher = "Springer"; }),
        ["thesis"] = () => With(Paper("Reading at Length", "Mira Castellanos"), p => { p.Type = PublicationType.Thesis; p.VenueName = "Northbridge University"; }),
        ["arXiv preprint"] = () => With(Paper("Early Things", "Ana Ruiz"), p => { p.Type = PublicationType.Preprint; p.Status = PublicationStatus.Preprint; p.ArxivId = "2403.16952"; p.VenueName = "arXiv preprint"; }),
        ["preprint elsewhere"] = () => With(Paper("Early Things", "Ana Ruiz"), p => { p.Type = PublicationType.Preprint; p.Status = PublicationStatus.UnderReview; p.VenueName = "SSRN"; }),
        ["published preprint"] = () => With(Paper("Late Things", "Ana Ruiz"), p => { p.Type = PublicationType.Preprint; p.ArxivId = "2501.00001"; }),
        ["other with an arXiv id"] = () => With(Paper("Odd Things", "Ana Ruiz"), p => { p.Type = PublicationType.Other; p.ArxivId = "2501.00002"; }),
        ["published with a note that sounds like a status"] = () => With(Paper("Noted Things", "Ana Ruiz"), p => p.Note = "Accepted version; to appear in print"),
        ["in preparation"] = () => With(Paper("Future Things", "Ana Ruiz"), p => { p.Status = PublicationStatus.InPreparation; p.Year = 2026; }),
        ["awaiting revision"] = () => With(Paper("Revised Things", "Ana Ruiz"), p => p.Status = PublicationStatus.AwaitingRevision),
        ["difficult names"] = () => Paper(
            "Names", "José de la Cruz", "Martin Luther King, Jr.", "Martin Luther King Jr.", "Plato", "李伟", "danah boyd",
            "Ludwig van Beethoven", "Jane and Doe", "Hans-Jürgen Müller-Lüdenscheidt", "et al."),
        ["difficult text"] = () => With(
            Paper("50% of R&D: {x}^2 ~ $y$ -- a_b \\ c ``quoted'' {lone", "Ana Ruiz"),
            p => { p.Note = "Costs $5 & up; see #3"; p.Keywords = ["C#", "x_1"]; p.Badges = ["Best Paper (1st & only)"]; }),
        ["links with urls that need care"] = () => With(Paper("Linked Things", "Ana Ruiz"), p =>
        {
            p.Url = "https://example.org/~ana/paper_1.html?a=1&b=%20#top";
            AddLink(p, PublicationLinkKind.Pdf, "https://example.org/~ana/paper_1.pdf");
            AddLink(p, PublicationLinkKind.Code, "https://github.com/ana/things_and_more");
        }),
        ["undated, authors stored out of order"] = () => With(Paper("Timeless", "Bo Chen", "Ana Ruiz"), p => { p.Year = null; p.Authors.Reverse(); }),
    };

    public static TheoryData<string> SampleNames => new(Samples.Keys);

    private static Publication With(Publication publication, Action<Publication> change)
    {
        change(publication);
        return publication;
    }

    private static MappedPublication RoundTrip(Publication original)
    {
        var parsed = BibtexParser.Parse(BibtexWriter.Write([original]));
        Assert.Empty(parsed.Errors);
        var result = BibtexPublicationMapper.Map(Assert.Single(parsed.Entries));
        Assert.Null(result.Error);
        return result.Mapped!;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Export_then_import_gives_back_the_same_paper(string sample)
    {
        var original = Samples[sample]();

        var mapped = RoundTrip(original);
        var copy = mapped.Publication;

        // The import warns about a missing year; nothing else in an exported entry should surprise it.
        var expectedWarnings = original.Year is null ? 1 : 0;
        Assert.True(mapped.Warnings.Count == expectedWarnings, string.Join("\n", mapped.Warnings));
        Assert.Equal(original.Title, copy.Title);
        Assert.Equal(original.Authors.OrderBy(a => a.Position).Select(a => a.Name), copy.Authors.OrderBy(a => a.Position).Select(a => a.Name));
        Assert.Equal((original.VenueName, original.VenueShort), (copy.VenueName, copy.VenueShort));
        Assert.Equal((original.Year, original.Month), (copy.Year, copy.Month));
        Assert.Equal((original.Type, original.Status), (copy.Type, copy.Status));
        Assert.Equal((original.Doi, original.ArxivId, original.Url), (copy.Doi, copy.ArxivId, copy.Url));
        Assert.Equal((original.Volume, original.Number, original.Pages, original.Publisher), (copy.Volume, copy.Number, copy.Pages, copy.Publisher));
        Assert.Equal(original.Note, copy.Note);
        Assert.Equal(original.Abstract is null ? null : string.Join(' ', original.Abstract.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), copy.Abstract);
        Assert.Equal(original.Keywords, copy.Keywords);
        Assert.Equal(original.Badges, copy.Badges);
        Assert.Equal(CitationKeys.For(original), copy.CitationKey);
        Assert.Equal(
            original.Links.Select(l => (l.Kind, l.Url)).Order(),
            copy.Links.Select(l => (l.Kind, l.Url)).Order());
        Assert.False(mapped.Selected);
    }

    [Fact]
    public void A_selected_paper_comes_back_selected()
    {
        var original = Paper("Chosen", "Ana Ruiz");
        var parsed = BibtexParser.Parse(BibtexWriter.Write([original], isSelected: _ => true));

        var mapped = BibtexPublicationMapper.Map(Assert.Single(parsed.Entries)).Mapped;

        Assert.True(mapped?.Selected);
    }
}
