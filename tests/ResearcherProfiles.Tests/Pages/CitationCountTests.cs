using System.Net;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Cited-by counts show on a profile's papers, their pages and as a total, with the source and the
/// date they were read, only when the profile's owner chose to show them.
/// </summary>
public sealed class CitationCountTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly DateTimeOffset Read30Nov = new(2026, 11, 30, 7, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Read2Nov = new(2026, 11, 2, 22, 40, 0, TimeSpan.Zero);

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Counts_show_with_their_source_and_date_when_the_owner_shows_them()
    {
        var researcher = await new ResearcherBuilder("Counted Researcher")
            .With(r => r.ShowCitationCounts = true)
            .WithPublication("Much Cited", p => p.Owner(), highlighted: true)
            .WithPublication("Less Cited", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        var (much, less) = (Paper(researcher, "Much Cited"), Paper(researcher, "Less Cited"));
        await AddCountsAsync((much, 1234, Read30Nov), (less, 100, Read2Nov));

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var list = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");
        var paper = await _visitor.GetPageAsync(PaperPath(much));

        foreach (var page in new[] { profile, list })
        {
            Assert.Equal("Cited by 1,234 (OpenAlex, Nov 2026)", page.TextOf($"#pub-{much.Id} .pub-venue .pub-cited"));
            Assert.Equal("Cited by 100 (OpenAlex, Nov 2026)", page.TextOf($"#pub-{less.Id} .pub-venue .pub-cited"));
            Assert.Equal("2026-11-30", page.Document.QuerySelector($"#pub-{much.Id} .pub-cited time")!.GetAttribute("datetime"));
            Assert.Equal(
                "Cited by 1,334 in total · counts from OpenAlex for 2 papers, read between 2 Nov 2026 and 30 Nov 2026",
                page.TextOf(".citation-total"));
        }
        Assert.Equal("Cited by 1,234 (OpenAlex, Nov 2026)", paper.TextOf(".paper-header .pub-cited"));
    }

    [Fact]
    public async Task Counts_read_on_one_day_name_that_day()
    {
        var researcher = await new ResearcherBuilder("One Day")
            .With(r => r.ShowCitationCounts = true)
            .WithPublication("First Read", p => p.Owner())
            .WithPublication("Second Read", p => p.Owner())
            .SaveAsync(factory);
        await AddCountsAsync((Paper(researcher, "First Read"), 7, Read30Nov), (Paper(researcher, "Second Read"), 1, Read30Nov.AddHours(10)));

        var list = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Equal("Cited by 8 in total · counts from OpenAlex for 2 papers, read 30 Nov 2026", list.TextOf(".citation-total"));
    }

    [Fact]
    public async Task Nothing_shows_when_the_owner_does_not_show_counts_even_when_a_coauthor_does()
    {
        var coauthor = await new ResearcherBuilder("Opted Coauthor").With(r => r.ShowCitationCounts = true).SaveAsync(factory);
        var researcher = await new ResearcherBuilder("Quiet Researcher")
            .WithPublication("Shared Paper", p => p.Owner().Author(coauthor), highlighted: true)
            .WithPublication("Own Paper", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        var (shared, own) = (Paper(researcher, "Shared Paper"), Paper(researcher, "Own Paper"));
        await factory.ChangeDataAsync(db =>
        {
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = coauthor.Id, PublicationId = shared.Id, IsVisible = true });
            return Task.CompletedTask;
        });
        await AddCountsAsync((shared, 50, Read30Nov), (own, 60, Read30Nov));

        foreach (var url in new[] { $"/people/{researcher.Slug}", $"/people/{researcher.Slug}/publications", PaperPath(own) })
        {
            var page = await _visitor.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector(".pub-cited, .citation-total"));
            Assert.DoesNotContain("Cited by", page.BodyText, StringComparison.Ordinal);
        }
        var coauthorList = await _visitor.GetPageAsync($"/people/{coauthor.Slug}/publications");
        Assert.Equal("Cited by 50 (OpenAlex, Nov 2026)", coauthorList.TextOf($"#pub-{shared.Id} .pub-cited"));
        Assert.Equal("Cited by 50 in total · counts from OpenAlex for 1 paper, read 30 Nov 2026", coauthorList.TextOf(".citation-total"));
        // The shared paper's page belongs to both profiles; one of them shows counts.
        var sharedPage = await _visitor.GetPageAsync(PaperPath(shared));
        Assert.Equal("Cited by 50 (OpenAlex, Nov 2026)", sharedPage.TextOf(".pub-cited"));
    }

    [Fact]
    public async Task The_total_counts_only_visible_papers_and_a_count_of_zero_shows_nothing()
    {
        var researcher = await new ResearcherBuilder("Partly Hidden")
            .With(r => r.ShowCitationCounts = true)
            .WithPublication("Visible Paper", p => p.Owner(), highlighted: true)
            .WithPublication("Uncited Paper", p => p.Owner(), highlighted: true)
            .WithPublication("Hidden Paper", p => p.Owner(), highlighted: true, visible: false)
            .SaveAsync(factory);
        var (visible, uncited, hidden) = (Paper(researcher, "Visible Paper"), Paper(researcher, "Uncited Paper"), Paper(researcher, "Hidden Paper"));
        await AddCountsAsync((visible, 12, Read30Nov), (uncited, 0, Read2Nov), (hidden, 5000, Read2Nov));

        foreach (var url in new[] { $"/people/{researcher.Slug}", $"/people/{researcher.Slug}/publications" })
        {
            var page = await _visitor.GetPageAsync(url);
            Assert.Equal("Cited by 12 in total · counts from OpenAlex for 1 paper, read 30 Nov 2026", page.TextOf(".citation-total"));
            Assert.Equal("Cited by 12 (OpenAlex, Nov 2026)", page.TextOf($"#pub-{visible.Id} .pub-cited"));
            Assert.NotNull(page.Document.QuerySelector($"#pub-{uncited.Id}"));
            Assert.Null(page.Document.QuerySelector($"#pub-{uncited.Id} .pub-cited"));
            Assert.DoesNotContain("5,000", page.BodyText, StringComparison.Ordinal);
        }
        var uncitedPage = await _visitor.GetPageAsync(PaperPath(uncited));
        Assert.Null(uncitedPage.Document.QuerySelector(".pub-cited"));
    }

    [Fact]
    public async Task Without_any_count_above_zero_there_is_no_total()
    {
        var researcher = await new ResearcherBuilder("Never Cited")
            .With(r => r.ShowCitationCounts = true)
            .WithPublication("Quiet Paper", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        await AddCountsAsync((Paper(researcher, "Quiet Paper"), 0, Read30Nov));

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Null(profile.Document.QuerySelector(".pub-cited, .citation-total"));
    }

    [Fact]
    public async Task Pages_with_counts_cost_the_same_queries_for_few_and_many_papers()
    {
        var few = await Counted("Few Counted", papers: 1);
        var many = await Counted("Many Counted", papers: 40);

        foreach (var path in new[] { "", "/publications" })
        {
            var fewQueries = await QueriesAsync($"/people/{few.Slug}{path}");
            var manyQueries = await QueriesAsync($"/people/{many.Slug}{path}");

            Assert.Equal(fewQueries.Count, manyQueries.Count);
            // The same bound as ProfileQueryCountTests: the total costs one query more than a page without counts.
            Assert.InRange(manyQueries.Count, 1, 20);
        }
    }

    [Fact]
    public async Task Pages_with_counts_are_valid_html()
    {
        var researcher = await new ResearcherBuilder("Valid Counts")
            .With(r => r.ShowCitationCounts = true)
            .WithPublication("Valid Cited", p => p.Owner().With(x => x.Month = 5), highlighted: true)
            .WithPublication("Valid Undated", p => p.Owner().With(x => x.Year = null), highlighted: true)
            .SaveAsync(factory);
        var (cited, undated) = (Paper(researcher, "Valid Cited"), Paper(researcher, "Valid Undated"));
        await AddCountsAsync((cited, 123_456, Read30Nov), (undated, 3, Read2Nov));

        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { $"/people/{researcher.Slug}", $"/people/{researcher.Slug}/publications", PaperPath(cited), PaperPath(undated) })
        {
            pages[url] = await _visitor.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("Cited by", pages[url], StringComparison.Ordinal);
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    private async Task<Researcher> Counted(string name, int papers)
    {
        var builder = new ResearcherBuilder(name).With(r => r.ShowCitationCounts = true);
        for (var i = 0; i < papers; i++)
        {
            var index = i;
            builder.WithPublication($"{name} paper {i}", p => p.Owner().Author($"Author {index}").With(x => x.Year = 2015 + index % 10), highlighted: true);
        }
        var researcher = await builder.SaveAsync(factory);
        await AddCountsAsync(researcher.Publications.Select((pp, i) => (pp.Publication!, 10 + i, Read30Nov.AddDays(-i))).ToArray());
        return researcher;
    }

    private async Task<IReadOnlyList<string>> QueriesAsync(string url)
    {
        HtmlPage? page = null;
        var queries = await factory.SqlCommands.RecordAsync(async () => page = await _visitor.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.OK, page!.Status);
        Assert.NotNull(page.Document.QuerySelector(".citation-total"));
        return queries;
    }

    private static Publication Paper(Researcher researcher, string title) =>
        researcher.Publications.Select(pp => pp.Publication!).Single(p => p.Title == title);

    private static string PaperPath(Publication paper) => Web.Pages.People.PaperModel.PathFor(paper.Id, paper.Title);

    private Task AddCountsAsync(params (Publication Paper, int Count, DateTimeOffset ReadAt)[] counts) =>
        factory.ChangeDataAsync(db =>
        {
            db.CitationCounts.AddRange(counts.Select(c => new CitationCount { PublicationId = c.Paper.Id, Count = c.Count, Source = "OpenAlex", ReadAt = c.ReadAt }));
            return Task.CompletedTask;
        });
}
