using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>/publications/{id}/{slug}: one paper's page, its citation meta tags and its JSON-LD.</summary>
public sealed class PaperPageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Origin = "http://localhost";

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_page_shows_the_paper_with_every_detail()
    {
        var (paper, owner, coauthor, _) = await FullPaperAsync("Needles Are Not Enough: A Benchmark for Multi-Hop Reasoning over Long Contexts");

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(paper.Title, Assert.Single(page.TextsOf("h1")));
        Assert.StartsWith(paper.Title + " · ", page.Document.Title, StringComparison.Ordinal);
        var byline = page.Document.QuerySelector(".paper-header .authors")!;
        Assert.Equal("Paper Owner*, Pat Coauthor*, Hidden Helper, and Outside Author†", byline.CleanText());
        Assert.Equal(
            [("Paper Owner", $"/people/{owner.Slug}"), ("Pat Coauthor", $"/people/{coauthor.Slug}")],
            byline.QuerySelectorAll("a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
        Assert.Empty(byline.QuerySelectorAll("strong"));
        Assert.Equal("(*: Equal contribution; †: Corresponding author)", page.TextOf(".paper-header .legend"));
        var venueShort = page.Document.QuerySelector(".paper-header .venue-short");
        Assert.Equal(("NAACL", "North American Chapter of the Association for Computational Linguistics"), (venueShort?.CleanText(), venueShort?.GetAttribute("title")));
        Assert.Equal(("June 2024", "2024-06"), (page.TextOf(".paper-header time"), page.Document.QuerySelector(".paper-header time")?.GetAttribute("datetime")));
        Assert.Equal(["Outstanding Paper Award", "Oral Presentation"], page.TextsOf(".paper-header .badges li"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Type"] = "Conference",
                ["Status"] = "Published",
                ["Venue"] = "North American Chapter of the Association for Computational Linguistics (NAACL)",
                ["Date"] = "June 2024",
                ["Volume"] = "12",
                ["Issue"] = "3",
                ["Pages"] = "1021–1039",
                ["Publisher"] = "ACL Press",
                ["DOI"] = "10.5555/naacl.2024.221",
                ["arXiv"] = "arXiv:2403.16952",
                ["Note"] = "Extended version of a workshop paper.",
            },
            Facts(page));
        Assert.Equal("https://doi.org/10.5555/naacl.2024.221", page.Document.QuerySelector(".paper-facts a[href*='doi.org']")?.GetAttribute("href"));
        Assert.Equal("https://arxiv.org/abs/2403.16952", page.Document.QuerySelector(".paper-facts a[href*='arxiv.org']")?.GetAttribute("href"));
        Assert.Equal(
            [
                ("PDF", "https://example.org/needles.pdf"),
                ("Code", "https://github.com/example/needles"),
                ("Slides", "https://example.org/needles-slides.pdf"),
                ("Paper", "https://aclanthology.example.org/needles"),
            ],
            page.Document.QuerySelectorAll(".paper-links a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
        Assert.Equal("Needle tests saturate; ours do not.", page.Section("Summary")?.QuerySelector("p")?.CleanText());
        Assert.Equal(["We argue that single-needle probes overstate capability.", "We release a benchmark."], page.Section("Abstract")!.QuerySelectorAll("p").Select(p => p.CleanText()));
        Assert.Equal(["long context", "benchmarks"], page.Section("Keywords")!.QuerySelectorAll("li").Select(li => li.CleanText()));
        Assert.Equal(
            [("Paper Owner", $"/people/{owner.Slug}"), ("Pat Coauthor", $"/people/{coauthor.Slug}")],
            page.Document.QuerySelectorAll(".paper-on-site a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
        Assert.Equal("On this site: Paper Owner and Pat Coauthor", page.TextOf(".paper-on-site"));
    }

    [Fact]
    public async Task The_cite_section_gives_the_papers_bibtex_which_imports_back_to_the_same_paper()
    {
        var (paper, _, _, _) = await FullPaperAsync("Citing Needles: BibTeX on the Paper Page");

        var page = await _visitor.GetPageAsync(PathOf(paper));

        var bibtex = page.Section("Cite")!.QuerySelector("pre.cite-bibtex code")!.TextContent;
        Assert.StartsWith("@inproceedings{", bibtex, StringComparison.Ordinal);
        Assert.DoesNotContain("abstract", bibtex, StringComparison.Ordinal);
        var mapped = ResearcherProfiles.Core.Bibtex.BibtexPublicationMapper.Map(Assert.Single(ResearcherProfiles.Core.Bibtex.BibtexParser.Parse(bibtex).Entries)).Mapped!.Publication;
        Assert.Equal(paper.Title, mapped.Title);
        Assert.Equal(["Paper Owner", "Pat Coauthor", "Hidden Helper", "Outside Author"], mapped.Authors.Select(a => a.Name));
        Assert.Equal(("10.5555/naacl.2024.221", "2403.16952", 2024, 6), (mapped.Doi, mapped.ArxivId, mapped.Year, mapped.Month));
        Assert.Equal("North American Chapter of the Association for Computational Linguistics", mapped.VenueName);
        Assert.NotNull(page.Document.QuerySelector("#cite button.cite-copy[hidden]"));
    }

    [Fact]
    public async Task Profiles_that_list_the_paper_without_being_authors_come_after_the_authors()
    {
        var author = await new ResearcherBuilder("Second Author").SaveAsync(factory);
        var curator = await new ResearcherBuilder("Aaron Curator").SaveAsync(factory);
        var first = await new ResearcherBuilder("First Author").SaveAsync(factory);
        var paper = await new PublicationBuilder("A Paper Listed By Three")
            .Author(first).Author("Someone Else").Author(author)
            .ShownOn(curator).ShownOn(author).ShownOn(first)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal("On this site: First Author, Second Author, and Aaron Curator", page.TextOf(".paper-on-site"));
    }

    [Fact]
    public async Task Titles_in_publication_lists_link_to_the_paper_page()
    {
        var owner = new ResearcherBuilder("Linking Owner");
        var researcher = await owner
            .WithPublication("Linked From Everywhere", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        var paper = await PublicationNamedAsync("Linked From Everywhere");

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var list = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        var expected = $"/publications/{paper.Id}/linked-from-everywhere";
        foreach (var page in new[] { profile, list })
        {
            var link = page.Document.QuerySelector("article.pub h3 a");
            Assert.Equal(("Linked From Everywhere", expected), (link?.CleanText(), link?.GetAttribute("href")));
        }
        Assert.Equal("★ Selected: Linked From Everywhere", list.TextOf("article.pub h3"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetPageAsync(expected)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/an-old-title")]
    [InlineData("/Canonical-Slug-Paper")]
    [InlineData("/canonical-slug-paper?utm_source=feed")]
    public async Task Other_addresses_of_the_paper_redirect_permanently_to_the_canonical_one(string suffix)
    {
        var paper = await SharedPaperAsync("Canonical Slug Paper");

        using var response = await _visitor.GetAsync(new Uri($"/publications/{paper.Id}{suffix}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/publications/{paper.Id}/canonical-slug-paper", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_canonical_address_is_declared_in_the_head()
    {
        var paper = await SharedPaperAsync("Declared Canonical Paper");

        var page = await _visitor.GetPageAsync($"/publications/{paper.Id}/declared-canonical-paper");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{Origin}/publications/{paper.Id}/declared-canonical-paper", page.Document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_title_without_ascii_words_has_its_number_as_its_address()
    {
        var paper = await SharedPaperAsync("注意力机制研究");

        var page = await _visitor.GetPageAsync($"/publications/{paper.Id}");
        using var withSlug = await _visitor.GetAsync(new Uri($"/publications/{paper.Id}/something", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("注意力机制研究", page.TextOf("h1"));
        Assert.Equal($"/publications/{paper.Id}", withSlug.Headers.Location?.OriginalString);
    }

    public static TheoryData<string> NonPublicListings => new() { "hidden profile", "trashed profile", "hidden on the profile", "hidden Publications section", "on no profile" };

    [Theory]
    [MemberData(nameof(NonPublicListings))]
    public async Task A_paper_that_no_public_profile_shows_is_not_found(string listing)
    {
        var builder = new PublicationBuilder($"Unlisted Paper ({listing})");
        switch (listing)
        {
            case "hidden profile":
                var hidden = await new ResearcherBuilder("Hidden Lister").Hidden().SaveAsync(factory);
                builder.Author(hidden).ShownOn(hidden);
                break;
            case "trashed profile":
                var trashed = await new ResearcherBuilder("Trashed Lister").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
                builder.Author(trashed).ShownOn(trashed);
                break;
            case "hidden on the profile":
                var lister = await new ResearcherBuilder("Hiding Lister").SaveAsync(factory);
                builder.Author(lister).ShownOn(lister, visible: false);
                break;
            case "hidden Publications section":
                var sectionless = await new ResearcherBuilder("Sectionless Lister")
                    .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }))
                    .SaveAsync(factory);
                builder.Author(sectionless).ShownOn(sectionless);
                break;
        }
        var paper = await builder.SaveAsync(factory);

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
        Assert.DoesNotContain("Unlisted Paper", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_paper_is_not_found()
    {
        var page = await _visitor.GetPageAsync("/publications/987654321/no-such-paper");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
    }

    [Fact]
    public async Task Hidden_and_trashed_coauthors_are_named_but_not_linked()
    {
        var trashed = await new ResearcherBuilder("Trashed Coauthor").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var hidden = await new ResearcherBuilder("Hidden Coauthor").Hidden().SaveAsync(factory);
        var owner = await new ResearcherBuilder("Public Owner").SaveAsync(factory);
        var paper = await new PublicationBuilder("With Unlisted Friends").Author(owner).Author(hidden).Author(trashed).ShownOn(owner).ShownOn(hidden).ShownOn(trashed).SaveAsync(factory);

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal([$"/people/{owner.Slug}"], page.Document.QuerySelectorAll(".paper-header .authors a").Select(a => a.GetAttribute("href")));
        Assert.Equal("On this site: Public Owner", page.TextOf(".paper-on-site"));
        Assert.DoesNotContain(hidden.Slug, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(trashed.Slug, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_and_trashed_coauthors_are_named_but_not_linked_in_the_owners_lists()
    {
        var trashed = await new ResearcherBuilder("Trashed Listmate").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var hidden = await new ResearcherBuilder("Hidden Listmate").Hidden().SaveAsync(factory);
        var shown = await new ResearcherBuilder("Shown Listmate").SaveAsync(factory);
        var owner = await new ResearcherBuilder("Listing Owner").SaveAsync(factory);
        await new PublicationBuilder("Listed With Friends", owner).Author(owner).Author(hidden).Author(shown).Author(trashed)
            .ShownOn(owner, highlighted: true).ShownOn(hidden).ShownOn(trashed).SaveAsync(factory);

        foreach (var path in new[] { $"/people/{owner.Slug}", $"/people/{owner.Slug}/publications" })
        {
            var page = await _visitor.GetPageAsync(path);

            var authors = page.Document.QuerySelectorAll(".pub-authors").Single(p => p.TextContent.Contains("Hidden Listmate", StringComparison.Ordinal));
            Assert.Equal([$"/people/{shown.Slug}"], authors.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            Assert.Contains("Trashed Listmate", authors.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.Slug, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain(trashed.Slug, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Citation_meta_tags_describe_the_paper_in_order()
    {
        var (paper, _, _, _) = await FullPaperAsync("Meta Tagged Benchmark Paper");

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal(
            [
                ("citation_title", "Meta Tagged Benchmark Paper"),
                ("citation_author", "Paper Owner"),
                ("citation_author", "Pat Coauthor"),
                ("citation_author", "Hidden Helper"),
                ("citation_author", "Outside Author"),
                ("citation_publication_date", "2024/06"),
                ("citation_conference_title", "North American Chapter of the Association for Computational Linguistics"),
                ("citation_volume", "12"),
                ("citation_issue", "3"),
                ("citation_firstpage", "1021"),
                ("citation_lastpage", "1039"),
                ("citation_publisher", "ACL Press"),
                ("citation_pdf_url", "https://example.org/needles.pdf"),
                ("citation_doi", "10.5555/naacl.2024.221"),
                ("citation_arxiv_id", "2403.16952"),
                ("citation_abstract", "We argue that single-needle probes overstate capability.\n\nWe release a benchmark."),
            ],
            CitationTags(page));
        Assert.Equal("Needle tests saturate; ours do not.", page.Document.QuerySelector("head meta[name=description]")?.GetAttribute("content"));
    }

    public static TheoryData<PublicationType, PublicationStatus, string?> VenueTags => new()
    {
        { PublicationType.Conference, PublicationStatus.Published, "citation_conference_title" },
        { PublicationType.Workshop, PublicationStatus.Published, "citation_conference_title" },
        { PublicationType.InvitedPaper, PublicationStatus.Published, "citation_conference_title" },
        { PublicationType.Conference, PublicationStatus.Accepted, "citation_conference_title" },
        { PublicationType.Journal, PublicationStatus.Published, "citation_journal_title" },
        { PublicationType.BookChapter, PublicationStatus.Published, "citation_inbook_title" },
        { PublicationType.Preprint, PublicationStatus.Preprint, null },
        { PublicationType.Thesis, PublicationStatus.Published, null },
        { PublicationType.Other, PublicationStatus.Published, null },
        { PublicationType.Conference, PublicationStatus.UnderReview, null },
        { PublicationType.Journal, PublicationStatus.InPreparation, null },
    };

    [Theory]
    [MemberData(nameof(VenueTags))]
    public async Task The_venue_is_a_conference_journal_or_book_title_only_for_papers_published_there(
        PublicationType type, PublicationStatus status, string? tag)
    {
        var paper = await SharedPaperAsync($"Venue Tag {type} {status}", p => p.With(x =>
        {
            x.Type = type;
            x.Status = status;
            x.VenueName = "Some Venue";
        }));

        var page = await _visitor.GetPageAsync(PathOf(paper));

        var venueTags = CitationTags(page).Where(t => t.Name.EndsWith("_title", StringComparison.Ordinal) && t.Name != "citation_title").ToList();
        if (tag is null)
        {
            Assert.Empty(venueTags);
        }
        else
        {
            Assert.Equal((tag, "Some Venue"), Assert.Single(venueTags));
        }
    }

    [Fact]
    public async Task A_thesis_names_its_institution_and_a_year_only_date_has_no_month()
    {
        var paper = await SharedPaperAsync("A Thesis Of Some Length", p => p.With(x =>
        {
            x.Type = PublicationType.Thesis;
            x.VenueName = "Ph.D. thesis";
            x.Publisher = "Northbridge University";
            x.Year = 2021;
            x.Month = null;
            x.Pages = "212";
        }));

        var page = await _visitor.GetPageAsync(PathOf(paper));

        var tags = CitationTags(page);
        Assert.Contains(("citation_dissertation_institution", "Northbridge University"), tags);
        Assert.Contains(("citation_publication_date", "2021"), tags);
        Assert.Contains(("citation_firstpage", "212"), tags);
        Assert.DoesNotContain(tags, t => t.Name == "citation_lastpage");
        Assert.Equal("Institution", Facts(page).Keys.Last());
        Assert.Equal("Ph.D. thesis", page.TextOf(".paper-header .venue-name"));
    }

    [Fact]
    public async Task The_pdf_url_is_the_first_absolute_pdf_link()
    {
        var paper = await SharedPaperAsync("Paper With Several Pdfs", p => p
            .Link(PublicationLinkKind.Code, "https://github.com/example/code")
            .Link(PublicationLinkKind.Pdf, "/media/local-copy.pdf")
            .Link(PublicationLinkKind.Pdf, "javascript:alert(1)")
            .Link(PublicationLinkKind.Pdf, "https://example.org/first-absolute.pdf")
            .Link(PublicationLinkKind.Pdf, "https://example.org/second.pdf"));

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal(("citation_pdf_url", "https://example.org/first-absolute.pdf"), Assert.Single(CitationTags(page), t => t.Name == "citation_pdf_url"));
        Assert.DoesNotContain("javascript:", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_without_optional_details_has_only_the_tags_it_can_fill()
    {
        var paper = await SharedPaperAsync("Bare Bones Paper", p => p.With(x => (x.Year, x.Type, x.Status) = (null, PublicationType.Preprint, PublicationStatus.InPreparation)));

        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal([("citation_title", "Bare Bones Paper"), ("citation_author", "Shared Owner")], CitationTags(page));
        Assert.Equal("Bare Bones Paper, by Shared Owner", page.Document.QuerySelector("head meta[name=description]")?.GetAttribute("content"));
        Assert.Equal(new Dictionary<string, string> { ["Type"] = "Preprint", ["Status"] = "In preparation" }, Facts(page));
        Assert.Null(page.Section("Abstract"));
        Assert.Null(page.Section("Keywords"));
    }

    [Fact]
    public async Task Json_ld_describes_a_scholarly_article()
    {
        var (paper, owner, coauthor, _) = await FullPaperAsync("Json Linked Data Paper");

        var page = await _visitor.GetPageAsync(PathOf(paper));

        var json = Assert.Single(page.Document.QuerySelectorAll("script[type='application/ld+json']")).TextContent;
        using var document = JsonDocument.Parse(json);
        var article = document.RootElement;
        var url = $"{Origin}/publications/{paper.Id}/json-linked-data-paper";
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal("ScholarlyArticle", article.GetProperty("@type").GetString());
        Assert.Equal(url, article.GetProperty("url").GetString());
        Assert.Equal("Json Linked Data Paper", article.GetProperty("headline").GetString());
        Assert.Equal("Json Linked Data Paper", article.GetProperty("name").GetString());
        Assert.Equal(
            [
                ("Person", "Paper Owner", $"{Origin}/people/{owner.Slug}"),
                ("Person", "Pat Coauthor", $"{Origin}/people/{coauthor.Slug}"),
                ("Person", "Hidden Helper", null),
                ("Person", "Outside Author", null),
            ],
            article.GetProperty("author").EnumerateArray().Select(a => (
                a.GetProperty("@type").GetString(),
                a.GetProperty("name").GetString(),
                a.TryGetProperty("url", out var u) ? u.GetString() : null)));
        Assert.Equal("2024-06", article.GetProperty("datePublished").GetString());
        var venue = article.GetProperty("isPartOf");
        Assert.Equal("North American Chapter of the Association for Computational Linguistics", venue.GetProperty("name").GetString());
        Assert.Equal("NAACL", venue.GetProperty("alternateName").GetString());
        Assert.Equal("ACL Press", article.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(("1021", "1039"), (article.GetProperty("pageStart").GetString(), article.GetProperty("pageEnd").GetString()));
        Assert.Equal(
            [("DOI", "10.5555/naacl.2024.221"), ("arXiv", "2403.16952")],
            article.GetProperty("identifier").EnumerateArray().Select(i => (i.GetProperty("propertyID").GetString(), i.GetProperty("value").GetString())));
        Assert.Equal(
            ["https://doi.org/10.5555/naacl.2024.221", "https://arxiv.org/abs/2403.16952"],
            article.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("We argue that single-needle probes overstate capability.\n\nWe release a benchmark.", article.GetProperty("abstract").GetString());
        Assert.Equal("long context, benchmarks", article.GetProperty("keywords").GetString());
    }

    [Fact]
    public async Task A_title_that_closes_the_script_element_stays_inside_the_json()
    {
        const string Title = "Escaping </script><script>alert(1)</script> & <!-- Friends";
        var paper = await SharedPaperAsync(Title, p => p.With(x => x.Abstract = "Also </SCRIPT > here."));

        using var response = await _visitor.GetAsync(new Uri(PathOf(paper), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await _visitor.GetPageAsync(PathOf(paper));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</SCRIPT >", html, StringComparison.Ordinal);
        var scripts = page.Document.QuerySelectorAll("script").ToList();
        var inline = Assert.Single(scripts, s => !s.HasAttribute("src"));
        Assert.Equal("application/ld+json", inline.GetAttribute("type"));
        Assert.All(scripts.Where(s => s.HasAttribute("src")), s => Assert.StartsWith("/js/cite.js", s.GetAttribute("src"), StringComparison.Ordinal));
        using var document = JsonDocument.Parse(inline.TextContent);
        Assert.Equal(Title, document.RootElement.GetProperty("headline").GetString());
        Assert.Equal(Title, page.TextOf("h1"));
        Assert.Equal(Title, page.Document.QuerySelector("meta[name=citation_title]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_page_costs_the_same_few_queries_for_two_authors_or_forty()
    {
        var small = await QueryTestPaperAsync("Small Author List", authors: 2, links: 1);
        var large = await QueryTestPaperAsync("Large Author List", authors: 40, links: 8);

        var smallQueries = await QueriesForFirstVisitAsync(PathOf(small));
        var largeQueries = await QueriesForFirstVisitAsync(PathOf(large));

        Assert.True(
            smallQueries.Count == largeQueries.Count,
            $"Two authors: {smallQueries.Count} queries; forty: {largeQueries.Count}.\n\n{string.Join("\n\n", largeQueries)}");
        // Five for the paper, one for the site's home profile (its authors' links lead to "/" on a single-person site).
        Assert.InRange(largeQueries.Count, 1, 6);
    }

    [Fact]
    public async Task A_second_visit_is_served_from_the_output_cache()
    {
        var paper = await SharedPaperAsync("Cached Paper Page");
        var first = await QueriesForFirstVisitAsync(PathOf(paper));

        var second = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync(PathOf(paper)));

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    private async Task<IReadOnlyList<string>> QueriesForFirstVisitAsync(string url)
    {
        HtmlPage? page = null;
        var queries = await factory.SqlCommands.RecordAsync(async () => page = await _visitor.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.OK, page!.Status);
        return queries;
    }

    private async Task<Publication> QueryTestPaperAsync(string title, int authors, int links)
    {
        var listers = new List<Researcher>();
        for (var i = 0; i < Math.Min(authors, 5); i++)
        {
            listers.Add(await new ResearcherBuilder($"Query Author{i}").SaveAsync(factory));
        }
        var builder = new PublicationBuilder(title).With(p => (p.Badges, p.Keywords) = (["Spotlight"], ["a", "b"]));
        for (var i = 0; i < authors; i++)
        {
            if (i < listers.Count)
            {
                builder.Author(listers[i], equal: i == 0).ShownOn(listers[i]);
            }
            else
            {
                builder.Author($"Offsite Author {i}", corresponding: i == authors - 1);
            }
        }
        for (var i = 0; i < links; i++)
        {
            builder.Link(PublicationLinkKind.Pdf, $"https://example.org/{i}.pdf");
        }
        return await builder.SaveAsync(factory);
    }

    /// <summary>A paper with every field set, by two public on-site authors, a hidden one and an outsider.</summary>
    private async Task<(Publication Paper, Researcher Owner, Researcher Coauthor, Researcher Hidden)> FullPaperAsync(string title)
    {
        var owner = await new ResearcherBuilder("Paper Owner").SaveAsync(factory);
        var coauthor = await new ResearcherBuilder("Pat Coauthor").SaveAsync(factory);
        var hidden = await new ResearcherBuilder("Hidden Helper").Hidden().SaveAsync(factory);
        var paper = await new PublicationBuilder(title)
            .With(p =>
            {
                p.VenueName = "North American Chapter of the Association for Computational Linguistics";
                p.VenueShort = "NAACL";
                (p.Year, p.Month) = (2024, 6);
                p.Badges = ["Outstanding Paper Award", "Oral Presentation"];
                p.Keywords = ["long context", "benchmarks"];
                p.Summary = "Needle tests saturate; ours do not.";
                p.Abstract = "We argue that single-needle probes overstate capability.\n\nWe release a benchmark.";
                (p.Volume, p.Number, p.Pages, p.Publisher) = ("12", "3", "1021–1039", "ACL Press");
                p.Note = "Extended version of a workshop paper.";
                p.Doi = "10.5555/naacl.2024.221";
                p.ArxivId = "2403.16952";
                p.Url = "https://aclanthology.example.org/needles";
            })
            .Author(owner, equal: true).Author(coauthor, equal: true).Author(hidden).Author("Outside Author", corresponding: true)
            .Link(PublicationLinkKind.Pdf, "https://example.org/needles.pdf")
            .Link(PublicationLinkKind.Code, "https://github.com/example/needles")
            .Link(PublicationLinkKind.Slides, "https://example.org/needles-slides.pdf")
            .ShownOn(coauthor).ShownOn(owner, highlighted: true).ShownOn(hidden)
            .SaveAsync(factory);
        return (paper, owner, coauthor, hidden);
    }

    /// <summary>A paper by one public researcher, who lists it.</summary>
    private async Task<Publication> SharedPaperAsync(string title, Action<PublicationBuilder>? build = null)
    {
        var owner = await new ResearcherBuilder("Shared Owner").SaveAsync(factory);
        var builder = new PublicationBuilder(title).Author(owner).ShownOn(owner);
        build?.Invoke(builder);
        return await builder.SaveAsync(factory);
    }

    private async Task<Publication> PublicationNamedAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Publications.SingleAsync(p => p.Title == title);
    }

    private static string PathOf(Publication paper) => $"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}".TrimEnd('/');

    private static List<(string Name, string? Content)> CitationTags(HtmlPage page) =>
        page.Document.QuerySelectorAll("head meta[name^='citation_']").Select(m => (m.GetAttribute("name")!, m.GetAttribute("content"))).ToList();

    private static Dictionary<string, string> Facts(HtmlPage page) =>
        page.Document.QuerySelectorAll(".paper-facts dt").ToDictionary(dt => dt.CleanText(), dt => dt.NextElementSibling!.CleanText());
}
