using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Core.Bibtex;

/// <summary>The fields that spare a pass over every imported paper: summaries, distinctions, short venues, labelled links.</summary>
public sealed class BibtexImportFieldMappingTests
{
    private static Publication Map(string fields, bool abstractsAsSummaries = false)
    {
        var bibtex = "@inproceedings{k,\n  title = {A Paper},\n  author = {Jana M\\\"uller},\n  year = {2022},\n" + fields + "\n}";
        var result = BibtexPublicationMapper.Map(Assert.Single(BibtexParser.Parse(bibtex).Entries), new BibtexMappingOptions(abstractsAsSummaries));
        Assert.Null(result.Error);
        return result.Mapped!.Publication;
    }

    [Theory]
    [InlineData("tldr = {We make it fast.}", false, "We make it fast.")]
    [InlineData("summary = {A short summary.}", false, "A short summary.")]
    [InlineData("abstract_short = {Shorter.}", false, "Shorter.")]
    [InlineData("tldr = {First choice.}, summary = {Second.}", false, "First choice.")]
    [InlineData("abstract = {Only an abstract. With two sentences.}", false, null)]
    [InlineData("abstract = {Only an abstract. With two sentences.}", true, "Only an abstract. With two sentences.")]
    [InlineData("tldr = {Own summary.}, abstract = {An abstract.}", true, "Own summary.")]
    public void Summary_comes_from_the_entry(string fields, bool abstractsAsSummaries, string? expected)
    {
        var p = Map(fields, abstractsAsSummaries);
        Assert.Equal(expected, p.Summary);
    }

    [Fact]
    public void A_summary_is_the_first_paragraph_on_one_line()
    {
        Assert.Equal("First paragraph, on two lines.", BibtexPublicationMapper.SummaryOf("First paragraph,\n on two lines.\n\nSecond paragraph."));
    }

    [Fact]
    public void A_long_abstract_is_cut_at_the_last_sentence_end_within_the_limit()
    {
        var sentence = new string('a', 95) + " end.";
        var abstractText = string.Join(" ", Enumerable.Repeat(sentence, 30));
        var summary = BibtexPublicationMapper.SummaryOf(abstractText)!;
        Assert.True(summary.Length <= BibtexPublicationMapper.MaxSummaryLength);
        Assert.EndsWith("end.", summary, StringComparison.Ordinal);
        Assert.Equal(19, summary.Split("end.").Length - 1);
    }

    [Fact]
    public void An_abstract_of_one_endless_sentence_is_cut_between_words()
    {
        var summary = BibtexPublicationMapper.SummaryOf(string.Join(" ", Enumerable.Repeat("word", 1000)))!;
        Assert.True(summary.Length <= BibtexPublicationMapper.MaxSummaryLength);
        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Spotlight", new[] { "Spotlight" }, null)]
    [InlineData("oral", new[] { "oral" }, null)]
    [InlineData("Oral Presentation", new[] { "Oral Presentation" }, null)]
    [InlineData("Best Paper Award", new[] { "Best Paper Award" }, null)]
    [InlineData("Best Paper", new[] { "Best Paper" }, null)]
    [InlineData("Outstanding Paper", new[] { "Outstanding Paper" }, null)]
    [InlineData("Invited Paper", new[] { "Invited Paper" }, null)]
    [InlineData("Honorable Mention for Best Paper", new[] { "Honorable Mention for Best Paper" }, null)]
    [InlineData("Spotlight; Best Paper Award", new[] { "Spotlight", "Best Paper Award" }, null)]
    [InlineData("Oral, extended version in JMLR", new[] { "Oral" }, "extended version in JMLR")]
    [InlineData("Extended version", new string[0], "Extended version")]
    [InlineData("Oral arguments of the court are discussed in detail here", new string[0], "Oral arguments of the court are discussed in detail here")]
    public void Distinctions_in_the_note_become_badges(string note, string[] badges, string? rest)
    {
        var p = Map($"note = {{{note}}}");
        Assert.Equal(badges, p.Badges);
        Assert.Equal(rest, p.Note);
    }

    [Fact]
    public void Distinctions_join_the_award_field_without_repeats()
    {
        var p = Map("award = {Best Paper Award}, note = {Spotlight; best paper award}");
        Assert.Equal(["Best Paper Award", "Spotlight"], p.Badges);
        Assert.Null(p.Note);
    }

    [Theory]
    [InlineData("International Conference on Learning Representations (ICLR)", "ICLR", "International Conference on Learning Representations")]
    [InlineData("Advances in Neural Information Processing Systems (NeurIPS 2022)", "NeurIPS", "Advances in Neural Information Processing Systems")]
    [InlineData("International Conference on Learning Representations, ICLR 2022", "ICLR", "International Conference on Learning Representations")]
    [InlineData("Proceedings of ICLR 2022", "ICLR", "Proceedings of ICLR 2022")]
    [InlineData("ICLR 2022", "ICLR", "ICLR 2022")]
    [InlineData("Advances in Neural Information Processing Systems 35", null, "Advances in Neural Information Processing Systems 35")]
    [InlineData("Proceedings of the Workshop on Things (Short Papers)", null, "Proceedings of the Workshop on Things (Short Papers)")]
    public void A_trailing_acronym_in_the_booktitle_fills_the_short_venue(string booktitle, string? venueShort, string venueName)
    {
        var p = Map($"booktitle = {{{booktitle}}}");
        Assert.Equal(venueShort, p.VenueShort);
        Assert.Equal(venueName, p.VenueName);
    }

    [Theory]
    [InlineData("abbr = {ICLR'22}", "ICLR'22")]
    [InlineData("venue_short = {ICLR}", "ICLR")]
    public void A_given_short_venue_wins_over_the_booktitle(string field, string expected)
    {
        var p = Map($"booktitle = {{Conference on Things (CoT)}}, {field}");
        Assert.Equal(expected, p.VenueShort);
        Assert.Equal("Conference on Things (CoT)", p.VenueName);
    }

    [Theory]
    [InlineData("https://arxiv.org/pdf/2201.03514", PublicationLinkKind.Pdf, "arXiv")]
    [InlineData("https://arxiv.org/html/2201.03514v2", PublicationLinkKind.Other, "arXiv")]
    [InlineData("https://github.com/example/tool", PublicationLinkKind.Code, null)]
    [InlineData("https://www.github.com/example/tool", PublicationLinkKind.Code, null)]
    [InlineData("https://openreview.net/forum?id=abc", PublicationLinkKind.Other, "OpenReview")]
    public void A_url_gets_a_link_labelled_by_its_host(string url, PublicationLinkKind kind, string? label)
    {
        var p = Map($"url = {{{url}}}");
        var link = Assert.Single(p.Links);
        Assert.Equal((kind, label, url), (link.Kind, link.Label, link.Url));
        Assert.Null(p.Url);
    }

    [Fact]
    public void Any_other_url_stays_the_papers_own_address()
    {
        var p = Map("url = {https://proceedings.example.org/paper.html}");
        Assert.Equal("https://proceedings.example.org/paper.html", p.Url);
        Assert.Empty(p.Links);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("website")]
    [InlineData("project")]
    public void Project_fields_become_a_project_page(string field)
    {
        var p = Map($"{field} = {{https://example.org/project}}");
        var link = Assert.Single(p.Links);
        Assert.Equal((PublicationLinkKind.ProjectPage, "https://example.org/project"), (link.Kind, link.Url));
    }

    [Fact]
    public void A_url_repeated_in_another_link_field_is_listed_once()
    {
        var p = Map("url = {https://github.com/example/tool}, code = {https://github.com/example/tool}");
        Assert.Single(p.Links);
    }
}
