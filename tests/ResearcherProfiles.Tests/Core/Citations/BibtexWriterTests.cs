using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

public sealed class BibtexWriterTests
{
    private static BibtexEntry ParseSingle(string bibtex)
    {
        var result = BibtexParser.Parse(bibtex);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Entries);
    }

    private static string TextOf(BibtexEntry entry, string field) => LatexText.ToUnicode(entry.Fields[field]);

    [Theory]
    [InlineData("R&D at 100% for $5 in #1 of snake_case")]
    [InlineData("Sets {x} and {y}")]
    [InlineData("A lone { brace")]
    [InlineData("A lone } brace")]
    [InlineData("Paths like C:\\temp\\new")]
    [InlineData("x^2 ~ y")]
    [InlineData("Two -- and three --- hyphens")]
    [InlineData("``Quoted'' text, 'single' quotes")]
    [InlineData("Ünïcödé — ok, 中文 and Ελληνικά")]
    [InlineData("\\textbf{not a command} and \\& and $x$")]
    public void Escaped_text_converts_back_to_the_same_text(string title)
    {
        var entry = ParseSingle(BibtexWriter.WriteEntry(Paper(title)));

        Assert.Equal(title, TextOf(entry, "title"));
    }

    [Fact]
    public void Latex_specials_are_escaped_and_unicode_letters_stay_as_they_are()
    {
        var bibtex = BibtexWriter.WriteEntry(Paper("Café & 50% of $x_1$ #2 ~ a^b \\ {c}"));

        Assert.Contains(@"title = {Café \& 50\% of \$x\_1\$ \#2 \textasciitilde{} a\textasciicircum{}b \textbackslash{} \{c\}}", bibtex, StringComparison.Ordinal);
    }

    [Fact]
    public void Acronyms_and_mixed_case_words_in_titles_are_protected_with_braces()
    {
        var bibtex = BibtexWriter.WriteEntry(Paper("BERT meets GPT-4 on an iPhone in Paris: Long-Context Retrieval-Augmented Q/A"));

        Assert.Contains("title = {{BERT} meets {GPT-4} on an {iPhone} in Paris: Long-Context Retrieval-Augmented Q/A}", bibtex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ada Lovelace", "Lovelace, Ada")]
    [InlineData("José de la Cruz", "de la Cruz, José")]
    [InlineData("Ludwig van Beethoven", "van Beethoven, Ludwig")]
    [InlineData("Martin Luther King, Jr.", "King, Jr., Martin Luther")]
    [InlineData("John Smith, III", "Smith, III, John")]
    [InlineData("Martin Luther King Jr.", "King Jr., Martin Luther")]
    [InlineData("Plato", "{Plato}")]
    [InlineData("Łukasz Kaiser", "Kaiser, Łukasz")]
    [InlineData("李伟", "{李伟}")]
    [InlineData("danah boyd", "boyd, danah")]
    [InlineData("Smith, John", "{Smith, John}")]
    [InlineData("Jane and Doe", "{and} Doe, Jane")]
    [InlineData("Ana Ruiz*", "Ruiz{*}, Ana")]
    public void Authors_are_written_von_last_jr_first_and_read_back_to_the_display_name(string display, string written)
    {
        var entry = ParseSingle(BibtexWriter.WriteEntry(Paper("T", display)));

        Assert.Equal(written, entry.Fields["author"]);
        var name = Assert.Single(BibtexNames.Parse(entry.Fields["author"]));
        Assert.Equal(display, name.Display);
        Assert.False(name.EqualContribution);
    }

    [Fact]
    public void Authors_are_joined_with_and_in_their_order()
    {
        var publication = Paper("T", "Bo Chen", "Ana Ruiz", "Li Wei");
        // Position decides the order, not the order the rows happen to come in.
        publication.Authors.Reverse();

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal("Chen, Bo and Ruiz, Ana and Wei, Li", entry.Fields["author"]);
    }

    [Fact]
    public void A_conference_paper_has_every_field_the_import_reads()
    {
        var bibtex = BibtexWriter.WriteEntry(Full());

        Assert.Equal(
            """
            @inproceedings{castellanos2023needles,
              title = {Needles \& Haystacks: 100\% Recall at \$0 with {GPT-4} -{}- A \{Study\} of C\# \textasciitilde{} x\textasciicircum{}2 \textbackslash{} Long Contexts},
              author = {Castellanos, Mira and de la Cruz, José and King, Jr., Martin Luther and Kaiser, Łukasz and {Plato} and {李伟}},
              booktitle = {Annual Meeting of the Association for Computational Linguistics},
              abbr = {ACL},
              year = {2023},
              month = may,
              volume = {1},
              number = {3},
              pages = {12--34},
              publisher = {Association for Computational Linguistics},
              doi = {10.18653/v1/2023.acl-long.1},
              eprint = {2403.16952},
              archivePrefix = {arXiv},
              url = {https://aclanthology.org/2023.acl-long.1/},
              abstract = {We look for needles. Then we find 50\% of them\_all.},
              note = {Extended version of a workshop paper},
              keywords = {long context, retrieval},
              pubstatus = {accepted},
              award = {Outstanding Paper; Oral},
              pdf = {https://example.org/needles.pdf},
              code = {https://github.com/example/needles},
              slides = {https://example.org/slides.pdf},
              poster = {https://example.org/poster.pdf},
              video = {https://video.example.org/needles},
              website = {https://needles.example.org/~mira/},
              blog = {https://blog.example.org/needles},
              dataset = {https://data.example.org/needles_v2},
              benchmark = {https://bench.example.org/?q=needles&page=2}
            }
            """.ReplaceLineEndings("\n"),
            bibtex);
    }

    [Fact]
    public void The_abstract_can_be_left_out()
    {
        var bibtex = BibtexWriter.WriteEntry(Full(), includeAbstract: false);

        Assert.DoesNotContain("abstract", bibtex, StringComparison.Ordinal);
        Assert.Contains("note = {", bibtex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PublicationType.Conference, "inproceedings", "booktitle", null)]
    [InlineData(PublicationType.Workshop, "inproceedings", "booktitle", "workshop")]
    [InlineData(PublicationType.InvitedPaper, "inproceedings", "booktitle", "invited")]
    [InlineData(PublicationType.Journal, "article", "journal", null)]
    [InlineData(PublicationType.BookChapter, "incollection", "booktitle", null)]
    [InlineData(PublicationType.Thesis, "phdthesis", "school", null)]
    [InlineData(PublicationType.Preprint, "misc", "howpublished", "preprint")]
    [InlineData(PublicationType.Other, "misc", "howpublished", null)]
    public void Each_type_has_its_entry_type_venue_field_and_pubtype(PublicationType type, string entryType, string venueField, string? pubtype)
    {
        var publication = Paper("T", "Ada Lovelace");
        publication.Type = type;
        publication.VenueName = "Some Venue";

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal(entryType, entry.Type);
        Assert.Equal("Some Venue", entry.Fields[venueField]);
        Assert.Equal(pubtype, entry.Fields.GetValueOrDefault("pubtype"));
    }

    [Theory]
    [InlineData(PublicationType.Conference, "Workshop on Things", null, "conference")]
    [InlineData(PublicationType.Journal, "arXiv preprint", null, "journal")]
    [InlineData(PublicationType.Preprint, "arXiv preprint", null, null)]
    [InlineData(PublicationType.Preprint, null, "2403.16952", null)]
    [InlineData(PublicationType.Preprint, "Lab Report Series", null, "preprint")]
    [InlineData(PublicationType.Other, null, "2403.16952", "other")]
    [InlineData(PublicationType.Other, "CoRR", null, "other")]
    public void Pubtype_is_written_when_the_entry_type_alone_would_read_back_as_another_type(
        PublicationType type, string? venue, string? arxivId, string? pubtype)
    {
        var publication = Paper("T", "Ada Lovelace");
        publication.Type = type;
        publication.VenueName = venue;
        publication.ArxivId = arxivId;

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal(pubtype, entry.Fields.GetValueOrDefault("pubtype"));
    }

    [Theory]
    [InlineData(PublicationType.Conference, null, null)]
    [InlineData(PublicationType.Preprint, null, "published")]
    [InlineData(PublicationType.Conference, "To appear in the proceedings", "published")]
    public void A_published_paper_says_so_where_the_import_would_guess_another_status(PublicationType type, string? note, string? pubstatus)
    {
        var publication = Paper("T");
        publication.Type = type;
        publication.Note = note;

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal(pubstatus, entry.Fields.GetValueOrDefault("pubstatus"));
    }

    [Fact]
    public void A_trailing_et_al_is_written_as_and_others()
    {
        var entry = ParseSingle(BibtexWriter.WriteEntry(Paper("T", "Ana Ruiz", "Bo Chen", "et al.")));

        Assert.Equal("Ruiz, Ana and Chen, Bo and others", entry.Fields["author"]);
        Assert.Equal(["Ana Ruiz", "Bo Chen", "et al."], BibtexNames.Parse(entry.Fields["author"]).Select(n => n.Display));
    }

    [Theory]
    [InlineData(PublicationStatus.Published, null)]
    [InlineData(PublicationStatus.Accepted, "accepted")]
    [InlineData(PublicationStatus.UnderReview, "under review")]
    [InlineData(PublicationStatus.Preprint, "preprint")]
    [InlineData(PublicationStatus.InPreparation, "in preparation")]
    [InlineData(PublicationStatus.AwaitingRevision, "awaiting revision")]
    public void A_status_other_than_published_is_written_as_pubstatus(PublicationStatus status, string? written)
    {
        var publication = Paper("T");
        publication.Status = status;

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal(written, entry.Fields.GetValueOrDefault("pubstatus"));
    }

    [Theory]
    [InlineData(1, "jan")]
    [InlineData(9, "sep")]
    [InlineData(12, "dec")]
    public void The_month_is_written_as_a_macro(int month, string macro)
    {
        var publication = Paper("T");
        publication.Month = month;

        var bibtex = BibtexWriter.WriteEntry(publication);

        Assert.Contains($"month = {macro}", bibtex, StringComparison.Ordinal);
        Assert.Equal(month.ToString(System.Globalization.CultureInfo.InvariantCulture), ParseSingle(bibtex).Fields["month"]);
    }

    [Fact]
    public void Empty_fields_are_left_out()
    {
        var entry = ParseSingle(BibtexWriter.WriteEntry(new Publication { Title = "Only a title" }));

        Assert.Equal(["title"], entry.Fields.Keys);
    }

    [Fact]
    public void The_first_link_of_each_kind_has_its_key_and_the_next_spare_link_becomes_the_url_when_there_is_none()
    {
        var publication = Paper("T");
        AddLink(publication, PublicationLinkKind.Code, "https://github.com/example/one");
        AddLink(publication, PublicationLinkKind.Other, "https://example.org/other");
        AddLink(publication, PublicationLinkKind.Code, "https://github.com/example/two");

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal("https://github.com/example/one", entry.Fields["code"]);
        Assert.Equal("https://example.org/other", entry.Fields["url"]);
        Assert.DoesNotContain("https://github.com/example/two", BibtexWriter.WriteEntry(publication), StringComparison.Ordinal);
    }

    [Fact]
    public void Spare_links_are_dropped_when_the_paper_has_a_url()
    {
        var publication = Paper("T");
        publication.Url = "https://example.org/paper";
        AddLink(publication, PublicationLinkKind.Other, "https://example.org/other");

        var bibtex = BibtexWriter.WriteEntry(publication);

        Assert.Equal("https://example.org/paper", ParseSingle(bibtex).Fields["url"]);
        Assert.DoesNotContain("https://example.org/other", bibtex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/paper.pdf")]
    [InlineData("/relative/paper.pdf")]
    [InlineData("mailto:someone@example.org")]
    public void Only_http_and_https_urls_are_written(string url)
    {
        var publication = Paper("T");
        publication.Url = url;
        AddLink(publication, PublicationLinkKind.Pdf, url);

        var bibtex = BibtexWriter.WriteEntry(publication);

        Assert.DoesNotContain(url, bibtex, StringComparison.Ordinal);
    }

    [Fact]
    public void Braces_in_urls_are_percent_encoded_so_the_entry_stays_balanced()
    {
        var publication = Paper("T");
        publication.Url = "https://example.org/a}b";

        var entry = ParseSingle(BibtexWriter.WriteEntry(publication));

        Assert.Equal("https://example.org/a%7Db", entry.Fields["url"]);
    }

    [Fact]
    public void A_file_separates_entries_with_a_blank_line_and_keeps_keys_unique()
    {
        var first = Paper("Learning to Rank", "Mira Castellanos");
        var second = Paper("Learning to Rank, Again", "Mira Castellanos");
        var third = Paper("Learning to Rank, Once More", "Mira Castellanos");

        var file = BibtexWriter.Write([first, second, third]);

        Assert.Equal(3, file.Split("\n\n@", StringSplitOptions.None).Length);
        Assert.EndsWith("}\n", file, StringComparison.Ordinal);
        var result = BibtexParser.Parse(file);
        Assert.Empty(result.Errors);
        Assert.Equal(["castellanos2023learning", "castellanos2023learninga", "castellanos2023learningb"], result.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Selected_papers_are_marked_when_asked()
    {
        var selected = Paper("Chosen");
        var other = Paper("Ordinary");

        var result = BibtexParser.Parse(BibtexWriter.Write([selected, other], isSelected: p => p == selected));

        Assert.Equal(["true", null], result.Entries.Select(e => e.Fields.GetValueOrDefault("selected")));
    }

    [Fact]
    public void An_empty_list_is_an_empty_file() => Assert.Equal(string.Empty, BibtexWriter.Write([]));

    [Fact]
    public void Export_then_parse_gives_back_the_same_paper()
    {
        var original = Full();

        var entry = ParseSingle(BibtexWriter.WriteEntry(original));

        Assert.Equal(original.CitationKey, entry.Key);
        Assert.Equal(original.Title, TextOf(entry, "title"));
        Assert.Equal(original.Authors.Select(a => a.Name), BibtexNames.Parse(entry.Fields["author"]).Select(n => n.Display));
        Assert.Equal(original.VenueName, TextOf(entry, "booktitle"));
        Assert.Equal(original.VenueShort, TextOf(entry, "abbr"));
        Assert.Equal("2023", entry.Fields["year"]);
        Assert.Equal("5", entry.Fields["month"]);
        Assert.Equal(original.Doi, entry.Fields["doi"]);
        Assert.Equal((original.ArxivId, "arXiv"), (entry.Fields["eprint"], entry.Fields["archiveprefix"]));
        Assert.Equal(original.Url, entry.Fields["url"]);
        Assert.Equal("We look for needles. Then we find 50% of them_all.", TextOf(entry, "abstract"));
        Assert.Equal(original.Pages, TextOf(entry, "pages"));
        Assert.Equal(original.Badges, TextOf(entry, "award").Split("; "));
        Assert.Equal(original.Keywords, TextOf(entry, "keywords").Split(", "));
        var linkFields = new Dictionary<PublicationLinkKind, string>
        {
            [PublicationLinkKind.Pdf] = "pdf",
            [PublicationLinkKind.Code] = "code",
            [PublicationLinkKind.Slides] = "slides",
            [PublicationLinkKind.ProjectPage] = "website",
            [PublicationLinkKind.BlogPost] = "blog",
            [PublicationLinkKind.Benchmark] = "benchmark",
            [PublicationLinkKind.Video] = "video",
            [PublicationLinkKind.Poster] = "poster",
            [PublicationLinkKind.Dataset] = "dataset",
        };
        Assert.All(original.Links, link => Assert.Equal(link.Url, entry.Fields[linkFields[link.Kind]]));
    }
}
