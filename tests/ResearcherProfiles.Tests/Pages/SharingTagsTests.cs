using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Canonical links on every public page and the Open Graph / Twitter cards of profiles, papers and
/// projects: absolute addresses from the configured public address, plain-text descriptions.
/// </summary>
public sealed class SharingTagsTests(PublicAddressSiteFactory factory) : IClassFixture<PublicAddressSiteFactory>
{
    private const string Origin = PublicAddressSiteFactory.Origin;

    private static readonly string[] RepeatedWords = ["Longer", "words", "follow", "here."];

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task A_profile_card_names_the_person_with_their_photo()
    {
        var profile = await new ResearcherBuilder("Grace Hopper")
            .With(r =>
            {
                r.Headline = "Rear admiral and   compiler\nwriter";
                r.PhotoPath = "/media/photos/grace.jpg";
            })
            .SaveAsync(factory);
        var url = $"{Origin}/people/{profile.Slug}";

        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}?utm_source=mastodon");

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["og:type"] = "profile",
                ["og:site_name"] = "Researcher Profiles",
                ["og:title"] = "Grace Hopper",
                ["og:description"] = "Rear admiral and compiler writer",
                ["og:url"] = url,
                ["og:image"] = $"{Origin}/media/photos/grace.jpg",
                ["og:image:alt"] = "Photo of Grace Hopper",
                ["profile:first_name"] = "Grace",
                ["profile:last_name"] = "Hopper",
            },
            OpenGraph(page));
        Assert.Equal("summary", page.Document.QuerySelector("head meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Equal(url, Canonical(page));
        Assert.Equal("Rear admiral and compiler writer", page.Document.QuerySelector("head meta[name=description]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Without_a_headline_the_card_describes_the_profile_by_its_about_text_in_plain_words()
    {
        var about = "I study **compilers** and [languages](https://example.org).\n\n" + string.Join(' ', Enumerable.Repeat("Longer words follow here.", 40));
        var profile = await new ResearcherBuilder("Plain About").With(r => r.AboutMarkdown = about).SaveAsync(factory);
        var bare = await new ResearcherBuilder("Bare Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        var barePage = await _visitor.GetPageAsync($"/people/{bare.Slug}");

        var description = OpenGraph(page)["og:description"]!;
        Assert.StartsWith("I study compilers and languages. Longer words follow here.", description, StringComparison.Ordinal);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 200, 300);
        Assert.DoesNotContain("*", description, StringComparison.Ordinal);
        Assert.DoesNotContain("](", description, StringComparison.Ordinal);
        // Cut between words: the last one before the ellipsis is whole.
        Assert.Contains(description[..^1].Split(' ')[^1], RepeatedWords);
        Assert.Equal("Academic profile of Bare Person", OpenGraph(barePage)["og:description"]);
        Assert.False(OpenGraph(barePage).ContainsKey("og:image"));
    }

    [Fact]
    public async Task A_paper_card_is_an_article_described_by_its_summary_or_abstract()
    {
        var owner = await new ResearcherBuilder("Card Owner").SaveAsync(factory);
        var withSummary = await new PublicationBuilder("Cards for Papers").Author(owner).ShownOn(owner)
            .With(p => { p.Summary = "Short\nsummary."; p.Abstract = "The abstract."; })
            .SaveAsync(factory);
        var withAbstract = await new PublicationBuilder("Abstract Only Paper").Author(owner).ShownOn(owner)
            .With(p => p.Abstract = string.Join(' ', Enumerable.Repeat("abstract", 100)))
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync(PathOf(withSummary));
        var abstractPage = await _visitor.GetPageAsync(PathOf(withAbstract));

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["og:type"] = "article",
                ["og:site_name"] = "Researcher Profiles",
                ["og:title"] = "Cards for Papers",
                ["og:description"] = "Short summary.",
                ["og:url"] = Origin + PathOf(withSummary),
            },
            OpenGraph(page));
        Assert.Equal("summary", page.Document.QuerySelector("head meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.Equal(Origin + PathOf(withSummary), Canonical(page));
        var excerpt = OpenGraph(abstractPage)["og:description"]!;
        Assert.EndsWith("abstract…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 300, excerpt);
    }

    [Fact]
    public async Task A_project_card_is_described_by_its_summary_else_its_write_up_as_plain_text()
    {
        var profile = await new ResearcherBuilder("Project Carder")
            .WithProject(new Project { Title = "Summarised Engine", Kind = ProjectKind.Research, Summary = "A summary of the engine." })
            .WithProject(new Project { Title = "Written Engine", Kind = ProjectKind.Research, NarrativeMarkdown = "## Goal\n\nMake *search* fast, see [the code](https://example.org/code)." })
            .WithProject(new Project { Title = "Bare Engine", Kind = ProjectKind.Research })
            .SaveAsync(factory);
        var projects = await factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == profile.Id).OrderBy(p => p.SortOrder).Select(p => p.Id).ToListAsync());
        string PathOf(int id, string words) => $"/people/{profile.Slug}/projects/{id}-{words}";

        var summarised = await _visitor.GetPageAsync(PathOf(projects[0], "summarised-engine"));
        var written = await _visitor.GetPageAsync(PathOf(projects[1], "written-engine"));
        var bare = await _visitor.GetPageAsync(PathOf(projects[2], "bare-engine"));

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["og:type"] = "article",
                ["og:site_name"] = "Researcher Profiles",
                ["og:title"] = "Summarised Engine",
                ["og:description"] = "A summary of the engine.",
                ["og:url"] = Origin + PathOf(projects[0], "summarised-engine"),
            },
            OpenGraph(summarised));
        Assert.Equal(Origin + PathOf(projects[0], "summarised-engine"), Canonical(summarised));
        Assert.Equal("Goal Make search fast, see the code.", OpenGraph(written)["og:description"]);
        Assert.Equal("Goal Make search fast, see the code.", written.Document.QuerySelector("head meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("A project of Project Carder", OpenGraph(bare)["og:description"]);
        Assert.Equal("summary", bare.Document.QuerySelector("head meta[name='twitter:card']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Every_public_page_names_its_canonical_address_without_queries_that_change_nothing()
    {
        var profile = await new ResearcherBuilder("Canonical Person")
            .WithPublication("A Canonical Paper", p => p.Owner())
            .SaveAsync(factory);
        var list = $"/people/{profile.Slug}/publications";

        Assert.Equal($"{Origin}/", Canonical(await _visitor.GetPageAsync("/")));
        Assert.Equal($"{Origin}/", Canonical(await _visitor.GetPageAsync("/?page=1")));
        Assert.Equal($"{Origin}/", Canonical(await _visitor.GetPageAsync("/?utm_source=feed")));
        Assert.Equal($"{Origin}/people/{profile.Slug}", Canonical(await _visitor.GetPageAsync($"/people/{profile.Slug}?ref=mail")));
        Assert.Equal($"{Origin}{list}", Canonical(await _visitor.GetPageAsync(list)));
        Assert.Equal($"{Origin}/people/{profile.Slug}/cv", Canonical(await _visitor.GetPageAsync($"/people/{profile.Slug}/cv")));
        Assert.Equal($"{Origin}/people/{profile.Slug}/cv", Canonical(await _visitor.GetPageAsync($"/people/{profile.Slug}/cv?authors=3")));
        // A filtered list repeats the full one: it is kept out of the index instead.
        var filtered = await _visitor.GetPageAsync($"{list}?year=undated");
        Assert.Null(Canonical(filtered));
        Assert.Equal("noindex, follow", filtered.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        // Pages that are not public content have none.
        Assert.Null(Canonical(await _visitor.GetPageAsync("/people/no-such-person")));
        Assert.Null(Canonical(await _visitor.GetPageAsync("/account/login")));
    }

    [Fact]
    public async Task Each_directory_page_is_canonical_as_itself()
    {
        for (var i = 0; i < 30; i++)
        {
            await new ResearcherBuilder($"Directory Filler{i:00}").SaveAsync(factory);
        }

        Assert.Equal($"{Origin}/?page=2", Canonical(await _visitor.GetPageAsync("/?page=2")));
        Assert.Equal($"{Origin}/?page=2", Canonical(await _visitor.GetPageAsync("/?page=2&utm_medium=x")));
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_canonical_address_or_the_card()
    {
        var profile = await new ResearcherBuilder("Forged Host").With(r => r.PhotoPath = "/media/photos/forged.jpg").SaveAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/people/{profile.Slug}", UriKind.Relative));
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");

        using var response = await _visitor.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("attacker", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Origin}/people/{profile.Slug}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_a_name_and_headline_stays_text_in_the_meta_tags()
    {
        const string Name = "Mallory \"><script>alert(1)</script>";
        const string Headline = "' onmouseover='alert(2)' \" & <b>bold</b>";
        var profile = await new ResearcherBuilder("Mallory Hostile").With(r => { r.DisplayName = Name; r.Headline = Headline; r.GivenName = "\"Mal\""; }).SaveAsync(factory);

        using var response = await _visitor.GetAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.DoesNotContain("' onmouseover", html, StringComparison.Ordinal);
        Assert.Contains("content=\"Mallory &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        var card = OpenGraph(page);
        Assert.Equal((Name, Headline, "\"Mal\""), (card["og:title"], card["og:description"], card["profile:first_name"]));
        Assert.Empty(page.Document.QuerySelectorAll("[onmouseover], b"));
    }

    [Fact]
    public async Task Pages_with_cards_and_canonical_links_are_valid_html()
    {
        var profile = await new ResearcherBuilder("Valid Card")
            .With(r => { r.Headline = "Tags & <things>"; r.PhotoPath = "/media/photos/valid.jpg"; r.Interests = ["testing"]; })
            .WithLink(ProfileLinkKind.Orcid, "https://orcid.org/0000-0002-1825-0097")
            .WithProject(new Project { Title = "Valid Project", Kind = ProjectKind.Research, Summary = "Checked \"quotes\"." })
            .WithPublication("A Valid Paper", p => p.Owner().With(x => x.Abstract = "An abstract with <angle> brackets."))
            .SaveAsync(factory);
        var projectId = await factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == profile.Id).Select(p => p.Id).SingleAsync());
        var paperId = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == "A Valid Paper").Select(p => p.Id).SingleAsync());
        var urls = new[]
        {
            "/", $"/people/{profile.Slug}", $"/people/{profile.Slug}/publications", $"/people/{profile.Slug}/cv",
            $"/people/{profile.Slug}/projects/{projectId}-valid-project", $"/publications/{paperId}/a-valid-paper",
        };
        var pages = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            pages[url] = await _visitor.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    private static string PathOf(Publication paper) => $"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}".TrimEnd('/');

    private static string? Canonical(HtmlPage page)
    {
        var links = page.Document.QuerySelectorAll("link[rel=canonical]");
        Assert.True(links.Length <= 1, "More than one canonical link");
        Assert.All(links, l => Assert.Equal("HEAD", l.ParentElement?.TagName));
        return links.Length == 0 ? null : links[0].GetAttribute("href");
    }

    private static Dictionary<string, string?> OpenGraph(HtmlPage page) =>
        page.Document.QuerySelectorAll("head meta[property]").ToDictionary(m => m.GetAttribute("property")!, m => m.GetAttribute("content"));
}
