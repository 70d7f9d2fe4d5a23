using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class BibtexPublicationMapperTests
{
    private static MappedPublication Map(string bibtex)
    {
        var result = BibtexPublicationMapper.Map(Assert.Single(BibtexParser.Parse(bibtex).Entries));
        Assert.Null(result.Error);
        return result.Mapped!;
    }

    private static string Error(string bibtex) =>
        BibtexPublicationMapper.Map(Assert.Single(BibtexParser.Parse(bibtex).Entries)).Error!;

    [Fact]
    public void Standard_fields_are_mapped_and_converted_from_latex()
    {
        var p = Map("""
            @inproceedings{key2023,
              title = {{BERT}: Pre-training of Deep {T}ransformers for {\"U}bersetzung},
              author = {M{\"u}ller, Jana and Wei, Li},
              booktitle = {Proceedings of the 61st Annual Meeting of the ACL},
              year = {2023}, month = jul,
              pages = {100--110}, volume = {1}, number = {2}, publisher = {ACL},
              note = {Extended version}, abstract = {We study \emph{things} \& more.},
              keywords = {parsing, transformers; BERT},
            }
            """).Publication;

        Assert.Equal("BERT: Pre-training of Deep Transformers for Übersetzung", p.Title);
        Assert.Equal(["Jana Müller", "Li Wei"], p.Authors.Select(a => a.Name));
        Assert.Equal([0, 1], p.Authors.Select(a => a.Position));
        Assert.Equal("Proceedings of the 61st Annual Meeting of the ACL", p.VenueName);
        Assert.Equal((2023, 7), (p.Year!.Value, p.Month!.Value));
        Assert.Equal(("100–110", "1", "2", "ACL"), (p.Pages, p.Volume, p.Number, p.Publisher));
        Assert.Equal("Extended version", p.Note);
        Assert.Equal("We study things & more.", p.Abstract);
        Assert.Equal(["parsing", "transformers", "BERT"], p.Keywords);
        Assert.Equal("key2023", p.CitationKey);
        Assert.Equal(PublicationType.Conference, p.Type);
        Assert.Equal(PublicationStatus.Published, p.Status);
    }

    [Theory]
    [InlineData("@article{k, title={T}, author={A B}, journal={Nature}}", PublicationType.Journal, PublicationStatus.Published)]
    [InlineData("@article{k, title={T}, author={A B}, journal={arXiv preprint arXiv:2403.16952}}", PublicationType.Preprint, PublicationStatus.Preprint)]
    [InlineData("@article{k, title={T}, author={A B}, journal={CoRR}}", PublicationType.Preprint, PublicationStatus.Preprint)]
    [InlineData("@inproceedings{k, title={T}, author={A B}, booktitle={NeurIPS}}", PublicationType.Conference, PublicationStatus.Published)]
    [InlineData("@conference{k, title={T}, author={A B}, booktitle={NeurIPS}}", PublicationType.Conference, PublicationStatus.Published)]
    [InlineData("@inproceedings{k, title={T}, author={A B}, booktitle={Workshop on Efficient NLP}}", PublicationType.Workshop, PublicationStatus.Published)]
    [InlineData("@inproceedings{k, title={T}, author={A B}, booktitle={ACL}, pubtype={workshop}}", PublicationType.Workshop, PublicationStatus.Published)]
    [InlineData("@inproceedings{k, title={T}, author={A B}, booktitle={ACL}, pubtype={invited}}", PublicationType.InvitedPaper, PublicationStatus.Published)]
    [InlineData("@incollection{k, title={T}, author={A B}, booktitle={Handbook}}", PublicationType.BookChapter, PublicationStatus.Published)]
    [InlineData("@inbook{k, title={T}, author={A B}, booktitle={Handbook}}", PublicationType.BookChapter, PublicationStatus.Published)]
    [InlineData("@phdthesis{k, title={T}, author={A B}, school={MIT}}", PublicationType.Thesis, PublicationStatus.Published)]
    [InlineData("@mastersthesis{k, title={T}, author={A B}, school={MIT}}", PublicationType.Thesis, PublicationStatus.Published)]
    [InlineData("@misc{k, title={T}, author={A B}, eprint={2403.16952}, archivePrefix={arXiv}}", PublicationType.Preprint, PublicationStatus.Preprint)]
    [InlineData("@misc{k, title={T}, author={A B}, howpublished={Blog post}}", PublicationType.Other, PublicationStatus.Published)]
    [InlineData("@unpublished{k, title={T}, author={A B}, note={Under review at ICLR}}", PublicationType.Other, PublicationStatus.UnderReview)]
    [InlineData("@unpublished{k, title={T}, author={A B}}", PublicationType.Other, PublicationStatus.InPreparation)]
    [InlineData("@article{k, title={T}, author={A B}, journal={J}, year={to appear}}", PublicationType.Journal, PublicationStatus.Accepted)]
    [InlineData("@article{k, title={T}, author={A B}, journal={J}, pubstatus={awaiting revision}}", PublicationType.Journal, PublicationStatus.AwaitingRevision)]
    [InlineData("@ARTICLE{k, TITLE={T}, AUTHOR={A B}, JOURNAL={J}, PUBSTATUS={under-review}}", PublicationType.Journal, PublicationStatus.UnderReview)]
    [InlineData("@techreport{k, title={T}, author={A B}, institution={Lab}}", PublicationType.Other, PublicationStatus.Published)]
    public void Entry_types_and_hints_decide_type_and_status(string bibtex, PublicationType type, PublicationStatus status)
    {
        var p = Map(bibtex).Publication;

        Assert.Equal((type, status), (p.Type, p.Status));
    }

    [Theory]
    [InlineData("@phdthesis{k, title={T}, author={A B}, school={Tsinghua University}}", "Tsinghua University")]
    [InlineData("@techreport{k, title={T}, author={A B}, institution={Bell Labs}}", "Bell Labs")]
    [InlineData("@misc{k, title={T}, author={A B}, howpublished={\\url{https://example.org}}}", null)]
    [InlineData("@article{k, title={T}, author={A B}, journaltitle={Biometrika}}", "Biometrika")]
    public void The_venue_comes_from_the_field_the_entry_type_uses(string bibtex, string? venue)
    {
        Assert.Equal(venue, Map(bibtex).Publication.VenueName);
    }

    [Theory]
    [InlineData("eprint = {2403.16952}, archivePrefix = {arXiv}", "2403.16952")]
    [InlineData("eprint = {arXiv:2403.16952v2}", "2403.16952")]
    [InlineData("eprint = {cs/0112017}, eprinttype = {arxiv}", "cs/0112017")]
    [InlineData("journal = {arXiv preprint arXiv:2310.01234}", "2310.01234")]
    [InlineData("url = {https://arxiv.org/abs/2310.01234v4}", "2310.01234")]
    [InlineData("note = {arXiv: 1706.03762}", "1706.03762")]
    [InlineData("eprint = {12345}, archivePrefix = {PubMed}", null)]
    public void The_arxiv_id_is_found_wherever_exports_put_it(string fields, string? arxiv)
    {
        Assert.Equal(arxiv, Map($"@misc{{k, title={{T}}, author={{A B}}, {fields}}}").Publication.ArxivId);
    }

    [Theory]
    [InlineData("doi = {10.1145/3292500.3330701}", "10.1145/3292500.3330701")]
    [InlineData("doi = {https://doi.org/10.18653/V1/2023.ACL-LONG.1}", "10.18653/v1/2023.acl-long.1")]
    [InlineData("doi = {doi:10.1000/xyz\\_123}", "10.1000/xyz_123")]
    [InlineData("url = {https://doi.org/10.1000/abc}", "10.1000/abc")]
    public void Dois_are_normalised(string fields, string doi)
    {
        Assert.Equal(doi, Map($"@article{{k, title={{T}}, author={{A B}}, {fields}}}").Publication.Doi);
    }

    [Fact]
    public void A_url_that_repeats_the_doi_or_arxiv_id_is_not_kept_twice_but_other_urls_are()
    {
        Assert.Null(Map("@misc{k, title={T}, author={A B}, url={https://arxiv.org/abs/2403.16952}}").Publication.Url);
        Assert.Null(Map("@misc{k, title={T}, author={A B}, doi={10.1234/x}, url={https://doi.org/10.1234/x}}").Publication.Url);
        Assert.Equal("https://aclanthology.org/2023.acl-long.1/", Map("@misc{k, title={T}, author={A B}, url={https://aclanthology.org/2023.acl-long.1/}}").Publication.Url);
    }

    [Fact]
    public void Academic_site_keys_become_links_selection_short_venue_and_badges()
    {
        var mapped = Map("""
            @inproceedings{k, title={T}, author={A B}, booktitle={International Conference on Learning Representations},
              abbr = {ICLR}, year = 2024, selected = {true}, bibtex_show = {true}, preview = {teaser.png},
              award = {Oral Presentation; Best Paper Award},
              pdf = {https://example.org/p.pdf}, code = {https://github.com/x/y}, slides = {https://example.org/s},
              poster = {https://example.org/poster}, video = {https://youtu.be/x}, website = {https://project.example.org},
              blog = {https://blog.example.org/post}, dataset = {https://data.example.org}, benchmark = {https://bench.example.org}}
            """);
        var p = mapped.Publication;

        Assert.True(mapped.Selected);
        Assert.Equal("ICLR", p.VenueShort);
        Assert.Equal(["Oral Presentation", "Best Paper Award"], p.Badges);
        Assert.Equal(
            [PublicationLinkKind.Pdf, PublicationLinkKind.Code, PublicationLinkKind.Slides, PublicationLinkKind.ProjectPage,
             PublicationLinkKind.BlogPost, PublicationLinkKind.Benchmark, PublicationLinkKind.Video, PublicationLinkKind.Poster, PublicationLinkKind.Dataset],
            p.Links.Select(l => l.Kind));
        Assert.Equal(Enumerable.Range(0, 9), p.Links.Select(l => l.SortOrder));
        Assert.Empty(mapped.Warnings);
    }

    [Fact]
    public void Html_is_a_project_page_and_award_name_wins_over_award()
    {
        var p = Map("@misc{k, title={T}, author={A B}, html={https://x.example.org}, award={Outstanding paper at ACL 2023}, award_name={Outstanding Paper}}").Publication;

        Assert.Equal(PublicationLinkKind.ProjectPage, Assert.Single(p.Links).Kind);
        Assert.Equal(["Outstanding Paper"], p.Badges);
    }

    [Theory]
    [InlineData("selected = {false}")]
    [InlineData("selected = {no}")]
    [InlineData("bibtex_show = {true}")]
    public void Only_a_true_selected_field_selects(string fields)
    {
        Assert.False(Map($"@misc{{k, title={{T}}, author={{A B}}, {fields}}}").Selected);
    }

    [Theory]
    [InlineData("pdf = {example_pdf.pdf}", "The pdf link “example_pdf.pdf” is not a web address")]
    [InlineData("code = {javascript:alert(1)}", "The code link “javascript:alert(1)” is not a web address")]
    [InlineData("url = {ftp://example.org/x}", "The url “ftp://example.org/x” is not a web address")]
    [InlineData("doi = {not a doi}", "The doi “not a doi” is not a DOI")]
    [InlineData("month = {Smarch}", "The month “Smarch” was not understood")]
    [InlineData("year = {MMXX}", "The year “MMXX” is not a year")]
    [InlineData("pubtype = {novel}", "The pubtype “novel” is not one of this site's types")]
    public void Unusable_values_are_left_out_with_a_specific_warning(string fields, string warning)
    {
        var mapped = Map($"@misc{{k, title={{T}}, author={{A B}}, {fields}}}");

        Assert.Contains(mapped.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
        Assert.Empty(mapped.Publication.Links);
        Assert.Null(mapped.Publication.Url);
    }

    [Theory]
    [InlineData("month = jan", 1)]
    [InlineData("month = {February}", 2)]
    [InlineData("month = {Mar.}", 3)]
    [InlineData("month = 11", 11)]
    [InlineData("date = {2021-09-14}", 9)]
    public void Months_are_read_from_macros_names_numbers_and_dates(string fields, int month)
    {
        var p = Map($"@misc{{k, title={{T}}, author={{A B}}, year = 2021, {fields}}}").Publication;

        Assert.Equal(month, p.Month);
        Assert.Equal(2021, p.Year);
    }

    [Fact]
    public void An_entry_without_a_year_is_undated_with_a_warning()
    {
        var mapped = Map("@misc{k, title={T}, author={A B}}");

        Assert.Null(mapped.Publication.Year);
        Assert.Contains("There is no year; the paper is listed as undated.", mapped.Warnings);
    }

    [Fact]
    public void Equal_contribution_marks_and_others_reach_the_author_list()
    {
        var p = Map("@misc{k, title={T}, author={Ruiz, Ana* and Bo Chen\\footnotemark[1] and Li Wei and others}}").Publication;

        Assert.Equal(["Ana Ruiz", "Bo Chen", "Li Wei", "et al."], p.Authors.Select(a => a.Name));
        Assert.Equal([true, true, false, false], p.Authors.Select(a => a.EqualContribution));
    }

    [Fact]
    public void Editors_stand_in_for_missing_authors_with_a_warning()
    {
        var mapped = Map("@book{k, title={Collected Essays}, editor={Ada Lovelace and Charles Babbage}}");

        Assert.Equal(["Ada Lovelace", "Charles Babbage"], mapped.Publication.Authors.Select(a => a.Name));
        Assert.Contains(mapped.Warnings, w => w.Contains("editors", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@article{k, author={A B}, year=2020}", "The entry has no title.")]
    [InlineData("@article{k, title={ }, author={A B}}", "The entry has no title.")]
    [InlineData("@article{k, title={T}, year=2020}", "The entry has no authors (the author field is missing or empty).")]
    [InlineData("@article{k, title={T}, author={ }}", "The entry has no authors (the author field is missing or empty).")]
    public void Entries_without_title_or_authors_are_errors(string bibtex, string error)
    {
        Assert.Equal(error, Error(bibtex));
    }

    [Fact]
    public void Over_long_fields_are_errors_that_say_the_limit()
    {
        Assert.Equal("The title is 501 characters long; the limit is 500.", Error($"@article{{k, title={{{new string('x', 501)}}}, author={{A B}}}}"));
        Assert.Equal("The short venue name (abbr) is 51 characters long; the limit is 50.", Error($"@article{{k, title={{T}}, author={{A B}}, abbr={{{new string('x', 51)}}}}}"));
        Assert.StartsWith("The author name “", Error($"@article{{k, title={{T}}, author={{{new string('x', 201)}}}}}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_authors_is_an_error()
    {
        var authors = string.Join(" and ", Enumerable.Range(0, BibtexPublicationMapper.MaxAuthors + 1).Select(i => $"Author{i} Name"));

        Assert.Equal("The entry has 1,001 authors; a publication has at most 1,000 here.", Error($"@article{{k, title={{T}}, author={{{authors}}}}}"));
    }

    [Fact]
    public void Escaped_characters_in_urls_are_unescaped_but_not_otherwise_converted()
    {
        var p = Map("@misc{k, title={T}, author={A B}, url={https://example.org/a\\_b\\%20c~d}, code={\\url{https://github.com/x/y--z}}}").Publication;

        Assert.Equal("https://example.org/a_b%20c~d", p.Url);
        Assert.Equal("https://github.com/x/y--z", Assert.Single(p.Links).Url);
    }

    [Fact]
    public void The_title_key_ignores_case_braces_accents_and_punctuation()
    {
        var a = Map("@misc{k, title={{BERT}: Pre-training of {D}eep Bidirectional Transformers}, author={A B}}").Publication;
        var b = Map("@misc{k, title={BERT -- pre-training of deep bidirectional transformers.}, author={A B}}").Publication;
        var c = Map("@misc{k, title={Caf{\\'e} Society}, author={A B}}").Publication;

        Assert.Equal(a.TitleKey, b.TitleKey);
        Assert.Equal("bert pre training of deep bidirectional transformers", a.TitleKey);
        Assert.Equal("cafe society", c.TitleKey);
    }
}
