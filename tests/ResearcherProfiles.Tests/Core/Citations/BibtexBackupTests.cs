using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

/// <summary>The owner's backup as BibTeX: what it adds to the public export, and how the import reads those fields.</summary>
public sealed class BibtexBackupTests
{
    private static ProfilePublication Listed(Publication publication, bool highlighted = false, bool visible = true) =>
        new() { Publication = publication, IsHighlighted = highlighted, IsVisible = visible };

    private static MappedPublication Read(string bibtex)
    {
        var parsed = BibtexParser.Parse(bibtex);
        Assert.Empty(parsed.Errors);
        var result = BibtexPublicationMapper.Map(Assert.Single(parsed.Entries));
        Assert.Null(result.Error);
        return result.Mapped!;
    }

    private static Publication Marked()
    {
        var paper = Full();
        paper.Summary = "Needles, found.";
        paper.Authors[0].EqualContribution = true;
        paper.Authors[1].EqualContribution = true;
        paper.Authors[1].Corresponding = true;
        paper.Authors[2].Corresponding = true;
        AddLink(paper, PublicationLinkKind.Code, "https://gitlab.example.org/needles", "Mirror");
        AddLink(paper, PublicationLinkKind.Other, "https://openreview.net/forum?id=abc", "OpenReview");
        return paper;
    }

    [Fact]
    public void The_public_export_of_a_paper_is_the_same_whatever_the_backup_keeps()
    {
        var plain = Full();
        AddLink(plain, PublicationLinkKind.Code, "https://gitlab.example.org/needles", "Mirror");
        AddLink(plain, PublicationLinkKind.Other, "https://openreview.net/forum?id=abc", "OpenReview");

        var exported = BibtexWriter.Write([Marked()]);

        Assert.Equal(BibtexWriter.Write([plain]), exported);
        Assert.DoesNotContain("summary", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("link1", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("†", exported, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_highlighted_paper_reads_back_hidden_and_highlighted_with_its_marks_links_and_summary()
    {
        var original = Marked();

        var read = Read(BibtexWriter.WriteBackup([Listed(original, highlighted: true, visible: false)]));

        Assert.True(read.Hidden);
        Assert.True(read.Selected);
        Assert.Empty(read.Warnings);
        var p = read.Publication;
        Assert.Equal("Needles, found.", p.Summary);
        Assert.Equal(
            original.Authors.Select(a => (a.Name, a.EqualContribution, a.Corresponding)),
            p.Authors.Select(a => (a.Name, a.EqualContribution, a.Corresponding)));
        Assert.Equal(
            original.Links.Select(l => (l.Kind, l.Label, l.Url)),
            p.Links.Select(l => (l.Kind, l.Label, l.Url)));
        Assert.Equal(original.Url, p.Url);
        Assert.Equal("12–34", p.Pages);
    }

    [Fact]
    public void A_visible_paper_is_not_marked_hidden_and_the_public_export_never_is()
    {
        Assert.False(Read(BibtexWriter.WriteBackup([Listed(Full())])).Hidden);
        Assert.DoesNotContain("hidden", BibtexWriter.Write([Full()]), StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_backup_a_url_at_a_code_host_stays_the_papers_own_address()
    {
        var paper = Paper("Hosted Things", "Ana Ruiz");
        paper.Url = "https://github.com/example/things";
        AddLink(paper, PublicationLinkKind.Pdf, "https://example.org/things.pdf");

        var fromBackup = Read(BibtexWriter.WriteBackup([Listed(paper)])).Publication;
        var fromExport = Read(BibtexWriter.Write([paper])).Publication;

        Assert.Equal("https://github.com/example/things", fromBackup.Url);
        Assert.Equal([PublicationLinkKind.Pdf], fromBackup.Links.Select(l => l.Kind));
        // The public export reads back as any .bib would: a GitHub url becomes the Code link.
        Assert.Null(fromExport.Url);
        Assert.Contains(fromExport.Links, l => l.Kind == PublicationLinkKind.Code && l.Url == "https://github.com/example/things");
    }

    [Theory]
    [InlineData("Ruiz, Ana†", false, true)]
    [InlineData("Ana Ruiz*†", true, true)]
    [InlineData("Ana Ruiz†*", true, true)]
    [InlineData("Ruiz, Ana$^\\dagger$", false, true)]
    [InlineData("Ana Ruiz\\textdagger", false, true)]
    [InlineData("Ana Ruiz\\footnotemark\\dag", true, true)]
    [InlineData("Ana Ruiz*", true, false)]
    [InlineData("Ana Ruiz", false, false)]
    public void Corresponding_author_marks_are_read_beside_equal_contribution_marks(string written, bool equal, bool corresponding)
    {
        var name = Assert.Single(BibtexNames.Parse(written));

        Assert.Equal(("Ana Ruiz", equal, corresponding), (name.Display, name.EqualContribution, name.Corresponding));
    }

    [Fact]
    public void A_numbered_link_of_an_unknown_kind_is_kept_as_Other_and_the_preview_says_why()
    {
        var read = Read("""
            @misc{x,
              title = {Linked},
              author = {Ana Ruiz},
              year = {2024},
              link1 = {https://example.org/a},
              link1_kind = {hologram},
              link2 = {ftp://example.org/b},
              link3 = {https://example.org/c},
              link3_kind = {code},
            }
            """);

        Assert.Equal(
            [(PublicationLinkKind.Other, "https://example.org/a"), (PublicationLinkKind.Code, "https://example.org/c")],
            read.Publication.Links.Select(l => (l.Kind, l.Url)));
        Assert.Contains(read.Warnings, w => w.Contains("hologram", StringComparison.Ordinal));
        Assert.Contains(read.Warnings, w => w.Contains("ftp://example.org/b", StringComparison.Ordinal));
    }

    [Fact]
    public void The_backup_keeps_the_profile_order_and_unique_keys()
    {
        var first = Paper("Same Title", "Ana Ruiz");
        var second = Paper("Same Title", "Ana Ruiz");
        second.Year = 2023;

        var parsed = BibtexParser.Parse(BibtexWriter.WriteBackup([Listed(first), Listed(second, visible: false)]));

        Assert.Equal(["ruiz2023same", "ruiz2023samea"], parsed.Entries.Select(e => e.Key));
        Assert.Equal([null, "true"], parsed.Entries.Select(e => e.Fields.GetValueOrDefault("hidden")));
    }
}
