using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// /search on the provider under test: ranking, folding of accents, prefixes, escaped snippets,
/// filters, what is never found, and hostile input. The database is shared by the class, so every
/// test searches for words of its own.
/// </summary>
public sealed class SearchTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    /// <summary>A made-up word of ten letters that no other test uses.</summary>
    internal static string Word() => "q" + string.Concat(Guid.NewGuid().ToString("N").Take(9).Select(c => (char)('a' + (c % 26))));

    private Task<HtmlPage> SearchAsync(string query, string extra = "") =>
        _visitor.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}{extra}");

    private static IReadOnlyList<string> People(HtmlPage page) => page.TextsOf(".search-person .search-title");

    private static IReadOnlyList<string> Papers(HtmlPage page) => page.TextsOf(".search-paper .search-title");

    [Fact]
    public async Task An_exact_name_comes_before_people_who_only_mention_it()
    {
        var w = Word();
        await new ResearcherBuilder($"Mentions {w}x").With(r =>
        {
            r.Headline = $"Student of Ada {w}";
            r.AboutMarkdown = $"I work with Ada {w}. Ada {w} and I wrote papers; Ada {w} leads the lab.";
            r.Interests = [$"Ada {w}"];
        }).SaveAsync(factory);
        var exact = await new ResearcherBuilder($"Ada {w}").SaveAsync(factory);

        var page = await SearchAsync($"Ada {w}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Ada {w}", People(page)[0]);
        Assert.Equal(2, People(page).Count);
        Assert.Equal($"/people/{exact.Slug}", page.Document.QuerySelector(".search-person .search-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Accents_are_folded_both_ways()
    {
        var w = Word();
        await new ResearcherBuilder($"Jürgen Müller {w}").SaveAsync(factory);
        await new ResearcherBuilder($"Francois Lefevre {w}").SaveAsync(factory);

        Assert.Equal([$"Jürgen Müller {w}"], People(await SearchAsync($"jurgen muller {w}")));
        Assert.Equal([$"Francois Lefevre {w}"], People(await SearchAsync($"François Lefèvre {w}")));
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix()
    {
        var w = Word();
        await new ResearcherBuilder($"Prefix Owner {w}")
            .WithPublication($"Sparse attention {w} kernels", p => p.Owner())
            .SaveAsync(factory);

        var page = await SearchAsync($"sparse {w[..6]}");

        Assert.Equal([$"Sparse attention {w} kernels"], Papers(page));
        Assert.Empty(People(await SearchAsync($"{w[..6]} sparse")));
    }

    [Fact]
    public async Task A_whole_last_word_also_finds_the_longer_words_it_begins()
    {
        var w = Word();
        await new ResearcherBuilder($"Longer Words {w}x")
            .WithPublication($"Plain {w} study", p => p.Owner())
            .WithPublication($"The {w}ing effect", p => p.Owner())
            .SaveAsync(factory);

        Assert.Equal([$"Plain {w} study", $"The {w}ing effect"], Papers(await SearchAsync(w)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_word_found_more_often_than_can_be_counted_is_not_also_read_as_the_start_of_longer_words()
    {
        // Gathering every longer word a common word begins would cost more than the search, and
        // could add nothing a visitor can page to: past 1,000 matches the count stops.
        var w = Word();
        var builder = new ResearcherBuilder($"Common Word {w}x");
        for (var i = 0; i <= SearchRequest.MaxCounted; i++)
        {
            builder.WithPublication($"Study {i} of {w}", p => p.Owner());
        }
        await builder.WithPublication($"{w}ing {w}ing {w}ing", p => p.Owner()).SaveAsync(factory);

        var page = await SearchAsync(w);

        // The owner's name holds a longer word: few people match, so for people it is a start.
        Assert.StartsWith("1 person and more than 1,000 papers found", page.TextOf(".search-summary"), StringComparison.Ordinal);
        Assert.Equal(SearchRequest.PapersPageSize, Papers(page).Count);
        Assert.DoesNotContain($"{w}ing {w}ing {w}ing", Papers(page));
        Assert.Equal([$"{w}ing {w}ing {w}ing"], Papers(await SearchAsync($"{w}i")));
    }

    [Fact]
    public async Task A_word_that_begins_more_names_than_can_be_counted_finds_them_as_a_start()
    {
        // The word alone finds one person, so it is looked for as the start of longer words too,
        // and that finds more people than can be counted.
        var w = Word();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Researchers.AddRange(Enumerable.Range(0, SearchRequest.MaxCounted + 1).Select(i => new Researcher
            {
                Slug = $"many-{w}-{i}",
                DisplayName = $"Person {w}ing",
                FamilyName = $"{w}ing",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        await new ResearcherBuilder($"Exact {w}").SaveAsync(factory);

        var page = await SearchAsync(w);

        Assert.StartsWith("more than 1,000 people and 0 papers found", page.TextOf(".search-summary"), StringComparison.Ordinal);
        Assert.Equal(SearchRequest.PeoplePageSize, People(page).Count);
    }

    [Fact]
    public async Task Papers_are_found_by_author_venue_keyword_and_abstract_and_link_to_their_page()
    {
        var w = Word();
        await new ResearcherBuilder($"Paper Owner {w}")
            .WithPublication($"Found {w}", p => p.Owner().Author($"Coauthor {w}a").With(x =>
            {
                x.VenueName = $"Conference on {w}b";
                x.Keywords = [$"{w}c"];
                x.Abstract = $"We study {w}d at scale.";
            }))
            .SaveAsync(factory);

        foreach (var suffix in new[] { "a", "b", "c", "d" })
        {
            var page = await SearchAsync(w + suffix);
            Assert.Equal([$"Found {w}"], Papers(page));
            Assert.StartsWith("/publications/", page.Document.QuerySelector(".search-paper .search-title a")!.GetAttribute("href"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Snippets_mark_the_match_and_escape_everything_typed()
    {
        var w = Word();
        await new ResearcherBuilder($"<script>alert(1)</script> {w}")
            .With(r => r.AboutMarkdown = $"Before <b>bold</b> <script>alert(2)</script> {w} after.")
            .WithPublication($"<script>alert(3)</script> {w}", p => p.Owner().With(x => x.Abstract = $"An <img src=x onerror=alert(4)> abstract about {w}."))
            .SaveAsync(factory);

        using var response = await _visitor.GetAsync(new Uri($"/search?q={w}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\uE000', html);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(w, page.QuerySelector(".search-person .search-title mark")!.TextContent);
        Assert.Equal(w, page.QuerySelector(".search-paper .search-title mark")!.TextContent);
        Assert.Contains(w, page.QuerySelector(".search-paper .search-snippet mark")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(w, page.QuerySelector(".search-person .search-snippet mark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interest_and_affiliation_filters_narrow_people_and_papers()
    {
        var w = Word();
        await new ResearcherBuilder($"Robot Person {w}").With(r =>
        {
            r.Headline = w;
            r.Interests = ["Robotics", "Vision"];
            r.Affiliation = "North University";
        }).WithPublication($"Robot paper {w}", p => p.Owner()).SaveAsync(factory);
        await new ResearcherBuilder($"Language Person {w}").With(r =>
        {
            r.Headline = w;
            r.Interests = ["Linguistics", "Vision"];
            r.Affiliation = "South Institute";
        }).WithPublication($"Language paper {w}", p => p.Owner()).SaveAsync(factory);

        var all = await SearchAsync(w);
        var interestLinks = all.Document.QuerySelectorAll("nav[aria-labelledby=filter-interest] a").Select(a => a.GetAttribute("href")!).ToList();
        var robotics = await _visitor.GetPageAsync(interestLinks.Single(l => l.Contains("interest=Robotics", StringComparison.Ordinal)));
        var vision = await SearchAsync(w, "&interest=Vision");
        var south = await SearchAsync(w, "&affiliation=South%20Institute");
        var none = await SearchAsync(w, "&interest=Robotics&affiliation=South%20Institute");
        var anyCase = await SearchAsync(w, "&interest=linguistics&affiliation=SOUTH%20institute");

        Assert.Equal(2, People(all).Count);
        Assert.Equal([$"Robot Person {w}"], People(robotics));
        Assert.Equal([$"Robot paper {w}"], Papers(robotics));
        Assert.Contains(w, robotics.Document.QuerySelector<IHtmlInputElement>("#search-q")!.Value, StringComparison.Ordinal);
        Assert.Equal("Robotics", robotics.Document.QuerySelector<IHtmlInputElement>("form.search-form input[name=interest]")!.Value);
        Assert.NotNull(robotics.Document.QuerySelector("nav[aria-labelledby=filter-interest] a[aria-current=true]"));
        Assert.Equal(2, People(vision).Count);
        Assert.Equal([$"Language Person {w}"], People(south));
        Assert.Equal([$"Language paper {w}"], Papers(south));
        Assert.Equal("South Institute (remove filter)", south.TextOf("nav[aria-labelledby=filter-affiliation] a[aria-current=true]"));
        Assert.Empty(People(none));
        Assert.Equal([$"Language Person {w}"], People(anyCase));
        Assert.Equal([$"Language paper {w}"], Papers(anyCase));
        Assert.Contains("Nothing found", none.TextOf(".search-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_and_deleted_profiles_and_papers_not_shown_publicly_are_never_found()
    {
        var w = Word();
        await new ResearcherBuilder($"Hidden Person {w}").Hidden().WithPublication($"On hidden profile {w}", p => p.Owner()).SaveAsync(factory);
        await new ResearcherBuilder($"Deleted Person {w}").With(r => r.DeletedAt = DateTimeOffset.UtcNow)
            .WithPublication($"On deleted profile {w}", p => p.Owner()).SaveAsync(factory);
        await new ResearcherBuilder($"Shown Person {w}")
            .WithPublication($"Hidden paper {w}", p => p.Owner(), visible: false)
            .WithPublication($"Shown paper {w}", p => p.Owner())
            .SaveAsync(factory);
        await new ResearcherBuilder($"Quiet Person {w}")
            .With(r => r.Sections = [new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }])
            .WithPublication($"In hidden section {w}", p => p.Owner())
            .SaveAsync(factory);

        var page = await SearchAsync(w);

        Assert.Equal([$"Quiet Person {w}", $"Shown Person {w}"], People(page).Order(StringComparer.Ordinal));
        Assert.Equal([$"Shown paper {w}"], Papers(page));
        Assert.Equal("1 paper", page.TextOf("#results-papers .search-group-count")!.Trim('(', ')'));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "\"\"\"", "*", "a*b*", "NEAR(a b)", "a NEAR b", "-", "-a", "a:b", "title:x", "((((", ")", "a OR", "AND", "NOT x",
        "a & b | !c", "x:*", "'", "\\", "^a", "{a b}", "%", "_", "\u0000", "\u0001\u0002", "\uE000x\uE001", "\uD800", "‮",
        "!!!", "...", "---", "😀", "a\u0301", "\u0301", new string('a', 10_000), string.Join(' ', Enumerable.Repeat("word", 2_000)),
        "<script>alert(1)</script>", "'; DROP TABLE \"Researchers\"; --",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_text_gets_a_page_not_an_error(string query)
    {
        var page = await _visitor.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}&interest={Uri.EscapeDataString(query)}&affiliation={Uri.EscapeDataString(query)}&people-page=-3&papers-page=99999999");
        var fragment = await _visitor.GetAsync(new Uri($"/search?handler=results&q={Uri.EscapeDataString(query)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.NotNull(page.TextOf(".search-summary"));
    }

    [Fact]
    public async Task Nothing_found_says_so_and_the_title_names_the_query()
    {
        var w = Word();
        var page = await SearchAsync(w);
        var empty = await SearchAsync("");
        var punctuation = await SearchAsync("?!");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith($"Search: {w}", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal(w, page.Document.QuerySelector<IHtmlInputElement>("#search-q")!.Value);
        Assert.StartsWith($"Nothing found for “{w}”", page.TextOf(".search-summary"), StringComparison.Ordinal);
        Assert.Equal("Type a name, a topic or words from a title.", empty.TextOf(".search-summary"));
        Assert.Contains("has no words to search for", punctuation.TextOf(".search-summary"), StringComparison.Ordinal);
        Assert.Equal("label", page.Document.QuerySelector("label[for=search-q]")!.LocalName);
    }

    [Fact]
    public async Task A_query_that_turns_text_right_to_left_does_not_turn_the_sentence_around_it()
    {
        var w = Word();
        var page = await SearchAsync($"\u202E{w}");

        // The query is isolated: its override ends with it, not with the paragraph.
        Assert.Equal($"\u202E{w}", page.Document.QuerySelector(".search-summary bdi")!.TextContent);
        Assert.Equal($"Search: \u2068\u202E{w}\u2069", page.Document.Title!.Split(" · ")[0]);
        Assert.StartsWith($"Search: {w}", (await SearchAsync(w)).Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snippet_of_About_shows_its_text_without_the_Markdown()
    {
        var w = Word();
        await new ResearcherBuilder($"Markdown About {w}x").With(r => r.AboutMarkdown =
            $"## Research\n\nI study **{w} systems** in the [retrieval group](https://example.org/{w}/group) and `{w}` tooling.").SaveAsync(factory);

        var page = await SearchAsync(w);

        var snippet = page.Document.QuerySelector(".search-person .search-snippet")!;
        Assert.DoesNotContain("**", snippet.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", snippet.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("`", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("retrieval group", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains(w, snippet.QuerySelector("mark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_counted_and_paged_per_group()
    {
        var w = Word();
        for (var i = 0; i < 12; i++)
        {
            await new ResearcherBuilder($"Paged Person{i:00} {w}").SaveAsync(factory);
        }

        var first = await SearchAsync(w);
        var nextLink = first.Document.QuerySelector("nav[aria-label='Pages of people found'] a[rel=next]")!.GetAttribute("href")!;
        var second = await _visitor.GetPageAsync(nextLink);

        Assert.Equal("12 people and 0 papers found for “" + w + "”.", first.TextOf(".search-summary"));
        Assert.Equal(10, People(first).Count);
        Assert.Contains("people-page=2", nextLink, StringComparison.Ordinal);
        Assert.Equal(2, People(second).Count);
        Assert.Empty(People(first).Intersect(People(second)));
    }

    [Fact]
    public async Task The_results_fragment_is_the_results_region_alone()
    {
        var w = Word();
        await new ResearcherBuilder($"Fragment Person {w}").With(r => r.Interests = ["Fragments"]).SaveAsync(factory);

        var fragment = await _visitor.GetPageAsync($"/search?handler=results&q={w[..5]}");

        Assert.Equal(HttpStatusCode.OK, fragment.Status);
        Assert.Null(fragment.Document.QuerySelector("header.site-header"));
        Assert.Equal([$"Fragment Person {w}"], People(fragment));
        // Its links lead to the search page, not to another fragment.
        Assert.Equal($"/search?q={w[..5]}&interest=Fragments", fragment.Document.QuerySelector("nav[aria-labelledby=filter-interest] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_directory_has_a_search_box_that_sends_to_the_search_page()
    {
        var page = await _visitor.GetPageAsync("/");

        var form = page.Document.QuerySelector<IHtmlFormElement>("form.search-form")!;
        Assert.Equal("get", form.Method);
        Assert.EndsWith("/search", form.Action, StringComparison.Ordinal);
        Assert.Equal("q", page.Document.QuerySelector("label[for=search-q] + * input#search-q, input#search-q")!.GetAttribute("name"));
        Assert.NotNull(page.Document.QuerySelector("label[for=search-q]"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/search.js']"));
    }
}
