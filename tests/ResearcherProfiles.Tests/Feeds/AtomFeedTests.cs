using System.Net;
using System.Xml.Linq;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>A profile's news and the site's newest papers as Atom feeds (RFC 4287), and the pages that announce them.</summary>
public sealed class AtomFeedTests(FeedsAppFactory factory) : IClassFixture<FeedsAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly HttpClient _visitor = factory.CreateVisitor();

    /// <summary>The feed, checked for what RFC 4287 requires of a feed and of each entry.</summary>
    private async Task<XElement> FeedAsync(string path)
    {
        var answer = await _visitor.GetXmlAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/atom+xml; charset=utf-8", answer.ContentType);
        var feed = answer.Document!.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Single(feed.Elements(Atom + "id"));
        Assert.False(string.IsNullOrWhiteSpace((string?)feed.Element(Atom + "title")));
        FeedReading.AssertTimestamp((string?)feed.Element(Atom + "updated"));
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(FeedsAppFactory.Origin + path, (string?)self.Attribute("href"));
        Assert.Equal("application/atom+xml", (string?)self.Attribute("type"));
        var feedHasAuthor = feed.Elements(Atom + "author").Any();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            Assert.StartsWith("tag:profiles.example.org,2026:", (string)Assert.Single(entry.Elements(Atom + "id")), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)entry.Element(Atom + "title")));
            FeedReading.AssertTimestamp((string?)entry.Element(Atom + "updated"));
            var link = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            FeedReading.PathOf((string)link.Attribute("href")!);
            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any(), "Every entry needs an author, its own or the feed's.");
            Assert.All(entry.Elements(Atom + "author"), a => Assert.False(string.IsNullOrWhiteSpace((string?)a.Element(Atom + "name"))));
        }
        return feed;
    }

    [Fact]
    public async Task A_profiles_news_feed_has_its_visible_news_newest_first_with_the_markdown_rendered_safely()
    {
        var researcher = await new ResearcherBuilder("Nora Newsworthy")
            .WithNews("2023-01", "An older item.")
            .WithNews("2024-06-14", "Paper **accepted** at [ACL](https://example.org/acl) <script>alert(1)</script> [bad](javascript:alert(1))")
            .WithNews("2024-07", "A hidden item.", visible: false)
            .SaveAsync(factory);

        var feed = await FeedAsync($"/people/{researcher.Slug}/news.atom");

        Assert.Equal("Nora Newsworthy: News", (string?)feed.Element(Atom + "title"));
        Assert.Equal($"{FeedsAppFactory.Origin}/people/{researcher.Slug}",
            (string?)feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href"));
        Assert.Equal("Nora Newsworthy", (string?)feed.Element(Atom + "author")!.Element(Atom + "name"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        var newest = entries[0];
        Assert.StartsWith("Paper accepted at ACL", (string?)newest.Element(Atom + "title"), StringComparison.Ordinal);
        Assert.Equal("2024-06-14T00:00:00Z", (string?)newest.Element(Atom + "published"));
        var content = newest.Element(Atom + "content")!;
        Assert.Equal("html", (string?)content.Attribute("type"));
        var html = content.Value;
        Assert.Contains("<strong>accepted</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/acl\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("An older item.", (string?)entries[1].Element(Atom + "title"));
        Assert.DoesNotContain(entries, e => ((string?)e.Element(Atom + "content"))!.Contains("hidden", StringComparison.Ordinal));
        Assert.NotEqual((string?)entries[0].Element(Atom + "id"), (string?)entries[1].Element(Atom + "id"));
    }

    [Fact]
    public async Task Links_within_the_site_in_news_are_absolute_in_the_feed_and_lead_where_they_do_on_the_profile()
    {
        var researcher = await new ResearcherBuilder("Linking Newsworthy")
            .WithNews("2024-05", "See [the paper](#pub-3), [my list](/people/someone/publications), ![a figure](/media/figure.png) and [elsewhere](https://example.org/x).")
            .SaveAsync(factory);

        var feed = await FeedAsync($"/people/{researcher.Slug}/news.atom");

        var html = (string)feed.Element(Atom + "entry")!.Element(Atom + "content")!;
        Assert.Contains($"href=\"{FeedsAppFactory.Origin}/people/{researcher.Slug}#pub-3\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FeedsAppFactory.Origin}/people/someone/publications\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{FeedsAppFactory.Origin}/media/figure.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("=\"#", html, StringComparison.Ordinal);

        // On the profile itself the same text keeps its links as written.
        using var page = await _visitor.GetAsync(new Uri($"/people/{researcher.Slug}", UriKind.Relative));
        var body = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#pub-3\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_and_markup_in_titles_leave_the_feeds_readable()
    {
        var researcher = await new ResearcherBuilder("Odd Characters").With(r => r.DisplayName = "Odd & <Odd>")
            .WithNews("2024-04", "A bell\u0007 rang & <b>tags</b> stayed text")
            .WithPublication("Fast & <Furious>\u0001 Paper", p => p.Owner())
            .SaveAsync(factory);

        var news = await FeedAsync($"/people/{researcher.Slug}/news.atom");
        var papers = await FeedAsync("/papers.atom");

        Assert.Equal("Odd & <Odd>: News", (string?)news.Element(Atom + "title"));
        Assert.StartsWith("A bell rang & ", (string?)news.Element(Atom + "entry")!.Element(Atom + "title"), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;tags&lt;/b&gt;", (string?)news.Element(Atom + "entry")!.Element(Atom + "content"), StringComparison.Ordinal);
        Assert.Contains(papers.Elements(Atom + "entry"), e => (string?)e.Element(Atom + "title") == "Fast & <Furious> Paper");
    }

    [Fact]
    public async Task A_hidden_profile_a_hidden_news_section_or_an_unknown_profile_has_no_news_feed()
    {
        var hidden = await new ResearcherBuilder("Hidden Newsworthy").Hidden().WithNews("2024-01", "Secret.").SaveAsync(factory);
        var sectionHidden = await new ResearcherBuilder("Quiet Newsworthy").WithNews("2024-01", "Not shown.")
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.News, IsVisible = false }))
            .SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, sectionHidden.Slug, "nobody-at-all" })
        {
            using var response = await _visitor.GetAsync(new Uri($"/people/{slug}/news.atom", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var page = await _visitor.GetPageAsync($"/people/{sectionHidden.Slug}");
        Assert.Null(page.Document.QuerySelector("link[type='application/atom+xml']"));
    }

    [Fact]
    public async Task The_profile_announces_its_news_feed_and_links_it_from_the_news_section()
    {
        var withNews = await new ResearcherBuilder("Announced Newsworthy").WithNews("2024-02", "Hello.").SaveAsync(factory);
        var withoutNews = await new ResearcherBuilder("Silent Newsworthy").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{withNews.Slug}");

        var alternate = Assert.Single(page.Document.QuerySelectorAll("head link[rel='alternate'][type='application/atom+xml']"));
        Assert.Equal($"/people/{withNews.Slug}/news.atom", alternate.GetAttribute("href"));
        Assert.Equal("News of Announced Newsworthy", alternate.GetAttribute("title"));
        var visible = Assert.Single(page.Document.QuerySelectorAll("section[aria-labelledby='news-heading'] a[type='application/atom+xml']"));
        Assert.Equal($"/people/{withNews.Slug}/news.atom", visible.GetAttribute("href"));
        Assert.Equal("Atom feed of the news of Announced Newsworthy", visible.TextContent);
        Assert.Null((await _visitor.GetPageAsync($"/people/{withoutNews.Slug}")).Document.QuerySelector("link[type='application/atom+xml']"));

        var directory = await _visitor.GetPageAsync("/");
        Assert.Equal("/papers.atom", directory.Document.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("/papers.atom", directory.Document.QuerySelector("main a[type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_newest_papers_feed_lists_papers_of_public_profiles_newest_first_with_authors_and_their_pages()
    {
        var author = await new ResearcherBuilder("Penny Papers")
            .WithPublication("An Earlier Visible Paper", p => p.Owner())
            .WithPublication("A Later Visible Paper", p => p.Owner().Author("Quinn Coauthor").With(x => x.VenueName = "NeurIPS"))
            .WithPublication("A Paper Kept Off The Profile", p => p.Owner(), visible: false)
            .SaveAsync(factory);
        await new ResearcherBuilder("Hidden Papers").Hidden().WithPublication("A Paper Of A Hidden Profile", p => p.Owner()).SaveAsync(factory);
        await new ResearcherBuilder("Sectionless Papers").WithPublication("A Paper Under A Hidden Section", p => p.Owner())
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }))
            .SaveAsync(factory);

        var feed = await FeedAsync("/papers.atom");

        var titles = feed.Elements(Atom + "entry").Select(e => (string?)e.Element(Atom + "title")).ToList();
        Assert.True(titles.IndexOf("A Later Visible Paper") is >= 0 and var later && later < titles.IndexOf("An Earlier Visible Paper"));
        Assert.DoesNotContain("A Paper Kept Off The Profile", titles);
        Assert.DoesNotContain("A Paper Of A Hidden Profile", titles);
        Assert.DoesNotContain("A Paper Under A Hidden Section", titles);
        var entry = feed.Elements(Atom + "entry").Single(e => (string?)e.Element(Atom + "title") == "A Later Visible Paper");
        var authors = entry.Elements(Atom + "author").ToList();
        Assert.Equal(["Penny Papers", "Quinn Coauthor"], authors.Select(a => (string?)a.Element(Atom + "name")));
        Assert.Equal($"{FeedsAppFactory.Origin}/people/{author.Slug}", (string?)authors[0].Element(Atom + "uri"));
        Assert.Null(authors[1].Element(Atom + "uri"));
        Assert.Equal("NeurIPS, 2023", (string?)entry.Element(Atom + "summary"));
        var paperPath = FeedReading.PathOf((string)entry.Element(Atom + "link")!.Attribute("href")!);
        Assert.Matches(@"^/publications/\d+/a-later-visible-paper$", paperPath);
        using var paper = await _visitor.GetAsync(new Uri(paperPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
    }

    [Fact]
    public async Task A_news_item_added_in_the_editor_replaces_the_cached_feed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Fresh Newsworthy").WithNews("2022-01", "The first item."));
        var path = $"/people/{profile.Slug}/news.atom";
        using var first = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Single((await FeedAsync(path)).Elements(Atom + "entry"));

        var url = $"/edit/{profile.Slug}/news";
        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = "2024-05", ["Input.BodyMarkdown"] = "A second item from the editor." }, "form.item-form"))
            .AssertRedirectsTo(url);

        var feed = await FeedAsync(path);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["A second item from the editor.", "The first item."], entries.Select(e => (string?)e.Element(Atom + "title")));
        // The item's date of change comes from the profile's history: the save just made.
        Assert.InRange(FeedReading.AssertTimestamp((string?)entries[0].Element(Atom + "updated")), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal((string?)entries[0].Element(Atom + "updated"), (string?)feed.Element(Atom + "updated"));

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var changed = await _visitor.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Feeds_are_compressed_and_an_unchanged_feed_is_not_sent_again()
    {
        var researcher = await new ResearcherBuilder("Zipped Newsworthy").WithNews("2024-01", "Compressed.").SaveAsync(factory);
        foreach (var path in new[] { $"/people/{researcher.Slug}/news.atom", "/papers.atom" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            using var response = await _visitor.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.NotNull(response.Content.Headers.LastModified);

            using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            again.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await _visitor.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }
}
