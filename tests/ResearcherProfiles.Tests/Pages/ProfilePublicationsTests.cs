using AngleSharp.Dom;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>Publications on the profile page: the highlighted selection, bylines, venue, badges, links.</summary>
public sealed class ProfilePublicationsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Only_highlighted_publications_are_on_the_profile_with_a_link_to_all_of_them()
    {
        var researcher = await new ResearcherBuilder("Selective Author")
            .WithPublication("Highlighted One", p => p.Owner(), highlighted: true)
            .WithPublication("Ordinary Paper", p => p.Owner())
            .WithPublication("Highlighted Two", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var section = page.Section("Selected publications");
        Assert.NotNull(section);
        Assert.Equal(["Highlighted One", "Highlighted Two"], section.QuerySelectorAll("article.pub h3").Select(h => h.CleanText()));
        Assert.DoesNotContain("Ordinary Paper", page.BodyText, StringComparison.Ordinal);
        var all = section.QuerySelector(".more-link a");
        Assert.Equal(("All publications (3)", $"/people/{researcher.Slug}/publications"), (all?.CleanText(), all?.GetAttribute("href")));
    }

    [Fact]
    public async Task Without_highlighted_papers_the_profile_links_to_the_full_list_under_publications()
    {
        var researcher = await new ResearcherBuilder("Unselective Author")
            .With(r => r.PublicationsNote = "Full list at [Google Scholar](https://scholar.example.org/u/1).")
            .WithPublication("Only Paper", p => p.Owner())
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var section = page.Section("Publications");
        Assert.NotNull(section);
        Assert.Empty(section.QuerySelectorAll("article.pub"));
        Assert.Equal("All publications (1)", section.QuerySelector(".more-link")?.CleanText());
        var note = section.QuerySelector(".publications-note");
        Assert.Equal("Full list at Google Scholar.", note?.CleanText());
        Assert.Equal("https://scholar.example.org/u/1", note?.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Byline_bolds_the_owner_links_on_site_coauthors_and_leaves_others_as_text()
    {
        var coauthor = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var owner = new ResearcherBuilder("Ana Ruiz");
        await owner
            .WithPublication("Shared Insights", p => p.Owner().Author(coauthor).Author("Li Wei"), highlighted: true)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        var authors = Byline(page, "Shared Insights");
        Assert.Equal("Ana Ruiz, Bo Chen, and Li Wei", authors.CleanText());
        var names = authors.QuerySelectorAll(".author").ToList();
        Assert.Equal("Ana Ruiz", names[0].QuerySelector("strong")?.CleanText());
        Assert.Null(names[0].QuerySelector("a"));
        var link = names[1].QuerySelector("a");
        Assert.Equal(("Bo Chen", $"/people/{coauthor.Slug}"), (link?.CleanText(), link?.GetAttribute("href")));
        Assert.Null(names[1].QuerySelector("strong"));
        Assert.Empty(names[2].Children);
        Assert.Equal("Li Wei", names[2].CleanText());
    }

    [Fact]
    public async Task Two_authors_are_joined_with_and()
    {
        var owner = new ResearcherBuilder("Duo First");
        await owner.WithPublication("Pair Work", p => p.Owner().Author("Duo Second"), highlighted: true).SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        Assert.Equal("Duo First and Duo Second", Byline(page, "Pair Work").CleanText());
    }

    [Fact]
    public async Task A_coauthor_whose_profile_is_hidden_is_not_linked()
    {
        var hidden = await new ResearcherBuilder("Hidden Coauthor").Hidden().SaveAsync(factory);
        var owner = new ResearcherBuilder("Visible Owner");
        await owner.WithPublication("With A Hidden Friend", p => p.Owner().Author(hidden), highlighted: true).SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        var byline = Byline(page, "With A Hidden Friend");
        Assert.Equal("Visible Owner and Hidden Coauthor", byline.CleanText());
        Assert.Empty(byline.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task Equal_contribution_and_corresponding_marks_are_shown_with_a_legend()
    {
        var owner = new ResearcherBuilder("Mark Owner");
        await owner
            .WithPublication(
                "Marked Paper",
                p => p.Owner(equal: true).Author("Equal Partner", equal: true).Author("Senior Author", corresponding: true).Author("Both Marks", equal: true, corresponding: true),
                highlighted: true)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        var byline = Byline(page, "Marked Paper");
        Assert.Equal("Mark Owner*, Equal Partner*, Senior Author†, and Both Marks*†", byline.CleanText());
        Assert.Equal(["*", "*", "†", "*†"], byline.QuerySelectorAll("sup").Select(s => s.CleanText()));
        Assert.Equal("(*: Equal contribution; †: Corresponding author)", page.Section("Selected publications")?.QuerySelector(".legend")?.CleanText());
    }

    [Fact]
    public async Task No_legend_is_shown_when_no_author_is_marked()
    {
        var owner = new ResearcherBuilder("Unmarked Owner");
        await owner.WithPublication("Unmarked Paper", p => p.Owner().Author("Someone Else"), highlighted: true).SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        Assert.Null(page.Document.QuerySelector(".legend"));
        Assert.Empty(page.Document.QuerySelectorAll(".pub sup"));
    }

    [Fact]
    public async Task A_publication_shows_venue_short_and_long_year_status_badges_summary_and_links()
    {
        var owner = new ResearcherBuilder("Venue Owner");
        await owner
            .WithPublication(
                "Learning To Rank Things",
                p => p.Owner()
                    .With(pub =>
                    {
                        pub.VenueName = "International Conference on Learning Representations";
                        pub.VenueShort = "ICLR";
                        pub.Year = 2024;
                        pub.Month = 5;
                        pub.Status = PublicationStatus.Accepted;
                        pub.Badges = ["Spotlight", "Best Paper Award"];
                        pub.Summary = "We rank things, quickly.";
                        pub.ArxivId = "2403.16952";
                        pub.Doi = "10.1000/xyz123";
                    })
                    .Link(PublicationLinkKind.Pdf, "https://example.org/paper.pdf")
                    .Link(PublicationLinkKind.Code, "https://github.com/example/rank", label: "Code (GitHub)"),
                highlighted: true)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        var pub = Publication(page, "Learning To Rank Things");
        var venueShort = pub.QuerySelector(".venue-short");
        Assert.Equal("ICLR", venueShort?.CleanText());
        Assert.Equal("International Conference on Learning Representations", venueShort?.GetAttribute("title"));
        Assert.Equal("International Conference on Learning Representations", pub.QuerySelector(".venue-name")?.CleanText());
        Assert.Equal("May 2024", pub.QuerySelector(".pub-date")?.CleanText());
        Assert.Equal("Accepted", pub.QuerySelector(".pub-status")?.CleanText());
        Assert.Equal(["Spotlight", "Best Paper Award"], pub.QuerySelectorAll(".badges li").Select(b => b.CleanText()));
        Assert.Equal("We rank things, quickly.", pub.QuerySelector(".pub-summary")?.CleanText());
        Assert.Equal(
            [
                ("PDF", "https://example.org/paper.pdf"),
                ("Code (GitHub)", "https://github.com/example/rank"),
                ("arXiv:2403.16952", "https://arxiv.org/abs/2403.16952"),
                ("DOI", "https://doi.org/10.1000/xyz123"),
            ],
            pub.QuerySelectorAll(".pub-links a").Select(a => (a.CleanText(), a.GetAttribute("href"))));
    }

    [Fact]
    public async Task A_published_paper_with_a_year_only_shows_the_year_and_no_status()
    {
        var owner = new ResearcherBuilder("Plain Venue");
        await owner
            .WithPublication("Year Only", p => p.Owner().With(pub => pub.Year = 2019), highlighted: true)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        var pub = Publication(page, "Year Only");
        Assert.Equal("2019", pub.QuerySelector(".pub-date")?.CleanText());
        Assert.Null(pub.QuerySelector(".pub-status"));
        Assert.Null(pub.QuerySelector(".badges"));
    }

    [Fact]
    public async Task A_shared_publication_is_on_both_profiles_with_each_owner_bold_on_their_own_page()
    {
        var first = await new ResearcherBuilder("Shared First").SaveAsync(factory);
        var second = await new ResearcherBuilder("Shared Second").SaveAsync(factory);
        var paper = await new PublicationBuilder("One Paper Two Profiles")
            .Author(first, equal: true).Author(second, equal: true).Author("Outside Person", corresponding: true)
            .ShownOn(first, highlighted: true)
            .ShownOn(second, highlighted: true)
            .SaveAsync(factory);

        var firstPage = await _visitor.GetPageAsync($"/people/{first.Slug}");
        var secondPage = await _visitor.GetPageAsync($"/people/{second.Slug}");

        var onFirst = Byline(firstPage, "One Paper Two Profiles");
        Assert.Equal("Shared First", onFirst.QuerySelector("strong")?.CleanText());
        Assert.Equal($"/people/{second.Slug}", onFirst.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Shared Second", onFirst.QuerySelector("a")?.CleanText());

        var onSecond = Byline(secondPage, "One Paper Two Profiles");
        Assert.Equal("Shared Second", onSecond.QuerySelector("strong")?.CleanText());
        Assert.Equal($"/people/{first.Slug}", onSecond.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Shared First", onSecond.QuerySelector("a")?.CleanText());

        Assert.Equal($"pub-{paper.Id}", Publication(firstPage, "One Paper Two Profiles").Id);
        Assert.Equal($"pub-{paper.Id}", Publication(secondPage, "One Paper Two Profiles").Id);
    }

    [Fact]
    public async Task Unsafe_urls_in_profile_data_never_become_links()
    {
        var owner = new ResearcherBuilder("Unsafe Data");
        await owner
            .With(r => r.Website = "javascript:alert('website')")
            .WithLink(ProfileLinkKind.Blog, "javascript:alert('link')", label: "Bad blog")
            .WithLink(ProfileLinkKind.GitHub, " JaVaScRiPt:alert('link2')")
            .WithPublication("Paper With Bad Link", p => p.Owner().Link(PublicationLinkKind.Pdf, "javascript:alert('pdf')").With(pub => pub.Url = "data:text/html,<script>alert(1)</script>"), highlighted: true)
            .WithProject(new Project { Title = "Project With Bad Link", Links = [new ProjectLink { Url = "vbscript:msgbox(1)", SortOrder = 0 }] })
            .WithTalk(new Talk { Title = "Talk With Bad Links", Url = "javascript:alert('talk')", SlidesUrl = "javascript:alert('slides')", VideoUrl = "file:///etc/passwd" })
            .WithWriting(new WritingItem { Title = "Post With Bad Link", Url = "java\tscript:alert('post')" })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{owner.Slug}");

        Assert.Contains("Post With Bad Link", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("Talk With Bad Links", page.BodyText, StringComparison.Ordinal);
        Assert.All(
            page.Document.QuerySelectorAll("[href], [src]"),
            e => Assert.True(
                UrlSafety.IsHarmless(e.GetAttribute("href") ?? e.GetAttribute("src")),
                $"Unsafe URL in {e.OuterHtml}"));
    }

    private static IElement Publication(HtmlPage page, string title) =>
        page.Document.QuerySelectorAll("article.pub").Single(a => a.QuerySelector("h3")?.CleanText() == title);

    private static IElement Byline(HtmlPage page, string title) =>
        Publication(page, title).QuerySelector(".pub-authors .authors") ?? throw new InvalidOperationException($"No byline for {title}.");
}
