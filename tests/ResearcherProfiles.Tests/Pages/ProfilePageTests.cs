using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The top of /people/{slug}: identity, contact, links, interests, About and news; and what is not found.</summary>
public sealed class ProfilePageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Profile_shows_the_name_in_the_only_h1_with_headline_and_affiliation()
    {
        var researcher = await new ResearcherBuilder("Grace Hopper")
            .With(r =>
            {
                r.Headline = "Research Scientist at Example Labs";
                r.Affiliation = "Example University";
                r.Location = "Arlington, VA";
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Grace Hopper", Assert.Single(page.TextsOf("h1")));
        Assert.Equal("Research Scientist at Example Labs", page.TextOf(".profile-header .headline"));
        Assert.Equal("Example University · Arlington, VA", page.TextOf(".profile-header .affiliation"));
        Assert.StartsWith("Grace Hopper", page.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pronouns_are_shown_next_to_the_name()
    {
        var researcher = await new ResearcherBuilder("Alex Kim").With(r => r.Pronouns = "they/them").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal("Alex Kim (they/them)", page.TextOf("h1"));
    }

    [Fact]
    public async Task Email_and_phone_are_shown_when_the_owner_chose_to_show_them()
    {
        var researcher = await new ResearcherBuilder("Open Contact")
            .With(r =>
            {
                r.Email = "open@example.org";
                r.ShowEmail = true;
                r.Phone = "+1 555 0100";
                r.ShowPhone = true;
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var email = page.Document.QuerySelector("nav.profile-links a[href='mailto:open@example.org']");
        Assert.Equal("open@example.org", email?.CleanText());
        var phone = page.Document.QuerySelector("nav.profile-links a[href='tel:+15550100']");
        Assert.Equal("+1 555 0100", phone?.CleanText());
    }

    [Fact]
    public async Task Email_and_phone_are_not_shown_when_the_owner_hid_them()
    {
        var researcher = await new ResearcherBuilder("Private Contact")
            .With(r =>
            {
                r.Email = "private@example.org";
                r.Phone = "+1 555 0199";
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var html = page.Document.DocumentElement.OuterHtml;

        Assert.DoesNotContain("private@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0199", html, StringComparison.Ordinal);
        Assert.DoesNotContain("5550199", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Website_and_typed_links_are_shown_with_their_kind_or_own_label_in_order()
    {
        var researcher = await new ResearcherBuilder("Linked Researcher")
            .With(r => r.Website = "https://example.org/~linked/")
            .WithLink(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=abc")
            .WithLink(ProfileLinkKind.Orcid, "https://orcid.org/0000-0002-1825-0097")
            .WithLink(ProfileLinkKind.Lab, "https://lab.example.org", label: "Language Lab")
            .WithLink(ProfileLinkKind.Cv, "/files/cv.pdf", label: "CV (PDF)")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var links = page.Document.QuerySelectorAll("nav.profile-links a").Select(a => (a.CleanText(), a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("example.org/~linked", "https://example.org/~linked/"),
                ("Google Scholar", "https://scholar.google.com/citations?user=abc"),
                ("ORCID", "https://orcid.org/0000-0002-1825-0097"),
                ("Language Lab", "https://lab.example.org"),
                ("CV (PDF)", "/files/cv.pdf"),
            ],
            links);
    }

    [Fact]
    public async Task Research_interests_are_shown_as_tags()
    {
        var researcher = await new ResearcherBuilder("Tagged Researcher")
            .With(r => r.Interests = ["Machine translation", "Low-resource NLP", "Evaluation"])
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(["Machine translation", "Low-resource NLP", "Evaluation"], page.TextsOf("ul.tags li"));
    }

    [Fact]
    public async Task About_is_rendered_from_markdown_with_paragraphs_lists_links_and_shifted_headings()
    {
        var researcher = await new ResearcherBuilder("Long About")
            .With(r => r.AboutMarkdown = """
                I work on **efficient** training at [Example Lab](https://lab.example.org).

                # Current focus

                My research asks three questions:

                1. How do models learn?
                2. Why do they fail?
                3. What can we fix?
                """)
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var about = page.Section("About");
        Assert.NotNull(about);
        Assert.Equal("efficient", about.QuerySelector("p strong")?.CleanText());
        Assert.Equal("https://lab.example.org", about.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Current focus", about.QuerySelector("h3")?.CleanText());
        Assert.Null(about.QuerySelector("h1"));
        Assert.Equal(["How do models learn?", "Why do they fail?", "What can we fix?"], about.QuerySelectorAll("ol li").Select(li => li.CleanText()));
        Assert.Single(page.Document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task A_javascript_link_in_about_keeps_its_text_but_gets_no_href()
    {
        var researcher = await new ResearcherBuilder("Sneaky About")
            .With(r => r.AboutMarkdown = "Click [here](javascript:alert(1)) or [there](JaVaScRiPt:alert(2)) or [safe](https://example.org).")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var about = page.Section("About")!;
        Assert.Equal("Click here or there or safe.", about.QuerySelector("p")?.CleanText());
        Assert.Equal(["https://example.org"], about.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Raw_html_in_about_is_shown_as_text_not_as_markup()
    {
        var researcher = await new ResearcherBuilder("Html About")
            .With(r => r.AboutMarkdown = "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var about = page.Section("About")!;
        Assert.Empty(about.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", about.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_is_newest_first_with_the_newest_five_shown_and_the_rest_behind_show_more()
    {
        var researcher = await new ResearcherBuilder("Busy Researcher")
            .WithNews("2021-03", "Item from March 2021")
            .WithNews("2023-05", "Four papers accepted to **ACL 2023**!")
            .WithNews("2020", "Item from 2020")
            .WithNews("2022-11-02", "Item from November 2022")
            .WithNews("2023-01", "Item from January 2023")
            .WithNews("2022", "Item from 2022")
            .WithNews("2022-06", "Item from June 2022")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var news = page.Section("News");
        Assert.NotNull(news);
        var shown = news.QuerySelectorAll(":scope > ul.news > li").ToList();
        Assert.Equal(["2023-05", "2023-01", "2022-11-02", "2022-06", "2022"], shown.Select(li => li.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal("May 2023", shown[0].QuerySelector("time")!.CleanText());
        Assert.Equal("ACL 2023", shown[0].QuerySelector(".news-body strong")?.CleanText());
        var more = news.QuerySelector("details");
        Assert.NotNull(more);
        Assert.False(more.HasAttribute("open"));
        Assert.Equal("Show 2 older news items", more.QuerySelector("summary")?.CleanText());
        Assert.Equal(["2021-03", "2020"], more.QuerySelectorAll("li time").Select(t => t.GetAttribute("datetime")));
    }

    [Fact]
    public async Task Five_news_items_or_fewer_need_no_show_more()
    {
        var builder = new ResearcherBuilder("Quiet Researcher");
        for (var month = 1; month <= 5; month++)
        {
            builder.WithNews($"2024-0{month}", $"News {month}");
        }
        var researcher = await builder.SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var news = page.Section("News")!;
        Assert.Equal(5, news.QuerySelectorAll("li").Length);
        Assert.Null(news.QuerySelector("details"));
    }

    [Fact]
    public async Task A_minimal_profile_has_no_empty_sections()
    {
        var researcher = await new ResearcherBuilder("Minimal Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Minimal Person", page.TextOf("h1"));
        Assert.Empty(page.SectionHeadings);
        Assert.Empty(page.Document.QuerySelectorAll("main section"));
        Assert.Null(page.Document.QuerySelector("nav.profile-links"));
        Assert.Null(page.Document.QuerySelector("main .headline"));
    }

    [Fact]
    public async Task The_profile_photo_has_alt_text_naming_the_person()
    {
        var researcher = await new ResearcherBuilder("Pictured Person")
            .With(r =>
            {
                r.PhotoPath = "/img/favicon.svg";
                r.AboutMarkdown = "A diagram: ![Model architecture](https://example.org/arch.png)";
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal("Photo of Pictured Person", page.Document.QuerySelector(".profile-header img")?.GetAttribute("alt"));
        var images = page.Document.QuerySelectorAll("img");
        Assert.Equal(2, images.Length);
        Assert.All(images, img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")), img.OuterHtml));
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_with_the_sites_own_not_found_page()
    {
        var page = await _visitor.GetPageAsync("/people/nobody-has-this-slug");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", Assert.Single(page.TextsOf("h1")));
        Assert.NotNull(page.Document.QuerySelector("header.site-header"));
        Assert.NotNull(page.Document.QuerySelector("footer.site-footer"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task A_hidden_profile_is_a_404()
    {
        var researcher = await new ResearcherBuilder("Hidden Profile").With(r => r.Headline = "Secret headline").Hidden().SaveAsync(factory);

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var publications = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Equal(HttpStatusCode.NotFound, profile.Status);
        Assert.Equal("Page not found", profile.TextOf("h1"));
        Assert.DoesNotContain("Secret headline", profile.BodyText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publications.Status);
    }

    [Fact]
    public async Task A_cached_profile_is_refreshed_when_the_public_cache_tag_is_evicted()
    {
        var researcher = await new ResearcherBuilder("Soon Hidden").SaveAsync(factory);
        var before = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        await factory.ChangeDataAsync(db =>
            db.Researchers.Where(r => r.Id == researcher.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, true)));
        var after = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }
}
