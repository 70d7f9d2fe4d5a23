using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The profile page costs a fixed number of SQL queries, whatever the size of the profile (no N+1).</summary>
public sealed class ProfileQueryCountTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int MaxQueriesPerPage = 20;

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task A_large_profile_runs_the_same_small_number_of_queries_as_a_small_one()
    {
        var coauthor = await new ResearcherBuilder("Frequent Coauthor").SaveAsync(factory);
        var small = await Profile("Small Profile", coauthor, items: 1, publications: 1, authorsPerPaper: 2).SaveAsync(factory);
        var large = await Profile("Large Profile", coauthor, items: 8, publications: 40, authorsPerPaper: 12).SaveAsync(factory);

        var smallQueries = await QueriesForFirstVisitAsync($"/people/{small.Slug}");
        var largeQueries = await QueriesForFirstVisitAsync($"/people/{large.Slug}");

        Assert.True(
            largeQueries.Count == smallQueries.Count,
            $"Small profile: {smallQueries.Count} queries; large profile: {largeQueries.Count}.\n\n{string.Join("\n\n", largeQueries)}");
        Assert.InRange(largeQueries.Count, 1, MaxQueriesPerPage);
    }

    [Fact]
    public async Task The_publication_list_runs_the_same_number_of_queries_for_few_and_many_papers()
    {
        var coauthor = await new ResearcherBuilder("Another Coauthor").SaveAsync(factory);
        var few = await Profile("Few Papers", coauthor, items: 1, publications: 1, authorsPerPaper: 2).SaveAsync(factory);
        var many = await Profile("Many Papers", coauthor, items: 1, publications: 60, authorsPerPaper: 10).SaveAsync(factory);

        var fewQueries = await QueriesForFirstVisitAsync($"/people/{few.Slug}/publications");
        var manyQueries = await QueriesForFirstVisitAsync($"/people/{many.Slug}/publications");

        Assert.Equal(fewQueries.Count, manyQueries.Count);
        Assert.InRange(manyQueries.Count, 1, MaxQueriesPerPage);
    }

    [SqliteOnlyFact("on PostgreSQL a profile's lists are one statement, read whole")]
    public async Task A_profile_reads_none_of_its_empty_or_hidden_lists()
    {
        // Only a hidden talk: every list is empty to a visitor.
        var researcher = await new ResearcherBuilder("Sparse Profile")
            .WithTalk(new Talk { Title = "Hidden talk", IsVisible = false })
            .SaveAsync(factory);

        var queries = await QueriesForFirstVisitAsync($"/people/{researcher.Slug}");

        string[] lists = ["ProfileLinks", "News", "ProfilePublications", "Projects", "Education", "Positions", "Awards", "ServiceRoles", "Talks", "Writing"];
        var read = lists.Where(table => queries.Any(q => q.Contains($"FROM \"{table}\"", StringComparison.Ordinal) && !q.Contains("\"Researchers\" AS", StringComparison.Ordinal))).ToList();
        Assert.True(read.Count == 0, $"Lists read although empty: {string.Join(", ", read)}.\n\n{string.Join("\n\n", queries)}");
        Assert.InRange(queries.Count, 1, 4);
    }

    [Fact]
    public async Task A_second_visit_is_served_from_the_output_cache_without_queries()
    {
        var researcher = await Profile("Cached Profile", coauthor: null, items: 2, publications: 3, authorsPerPaper: 3).SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        var first = await QueriesForFirstVisitAsync(url);

        var second = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync(url));

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/publications")]
    [InlineData("/cv")]
    public async Task A_page_of_a_profile_reads_the_home_profile_in_the_profile_s_own_query(string page)
    {
        var researcher = await Profile($"Home Reader{page.Replace('/', ' ')}", coauthor: null, items: 1, publications: 2, authorsPerPaper: 2).SaveAsync(factory);

        var queries = await QueriesForFirstVisitAsync($"/people/{researcher.Slug}{page}");

        // The layout names the site after the home profile on every page; its lookup rides along.
        var settings = queries.Where(q => q.Contains("\"SiteSettings\"", StringComparison.Ordinal)).ToList();
        Assert.True(settings.Count == 1 && settings[0].Contains("\"Slug\" = ", StringComparison.Ordinal),
            $"Queries of the site settings: {settings.Count}.\n\n{string.Join("\n\n", queries)}");
    }

    [PostgresOnlyFact("each list that holds anything is a query of its own on SQLite")]
    public async Task On_PostgreSQL_a_full_profile_is_one_round_trip()
    {
        var coauthor = await new ResearcherBuilder("Trip Coauthor").SaveAsync(factory);
        var researcher = await Profile("One Trip", coauthor, items: 3, publications: 5, authorsPerPaper: 4)
            .With(r => r.Projects.Clear())
            .With(r => r.ShowCitationCounts = true)
            .SaveAsync(factory);
        // Counts shown, with the profile's total: read in the same batch.
        await factory.ChangeDataAsync(async db => db.CitationCounts.AddRange(
            (await db.ProfilePublications.Where(pp => pp.ResearcherId == researcher.Id).Select(pp => pp.PublicationId).ToListAsync())
                .Select(id => new CitationCount { PublicationId = id, Count = 12, Source = "OpenAlex", ReadAt = DateTimeOffset.UtcNow })));

        // Every round trip as Npgsql traces it (SqlCommandCounter on PostgreSQL).
        var trips = await QueriesForFirstVisitAsync($"/people/{researcher.Slug}");

        // The profile's fields with the home profile, its lists, selected papers and cited-by total: one batch.
        Assert.True(trips.Count == 1, $"{trips.Count} round trips.\n\n{string.Join("\n\n", trips)}");
        Assert.Contains("\"CitationCounts\"", trips[0], StringComparison.Ordinal);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{researcher.Slug}");
        Assert.StartsWith("Cited by 60 in total", page.TextOf(".citation-total"), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> QueriesForFirstVisitAsync(string url)
    {
        HtmlPage? page = null;
        var queries = await factory.SqlCommands.RecordAsync(async () => page = await _visitor.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.OK, page!.Status);
        return queries;
    }

    /// <summary>A profile with <paramref name="items"/> entries in every section and highlighted papers with long author lists.</summary>
    private static ResearcherBuilder Profile(string name, Researcher? coauthor, int items, int publications, int authorsPerPaper)
    {
        var builder = new ResearcherBuilder(name).With(r =>
        {
            r.AboutMarkdown = "About **me**.";
            r.Interests = ["NLP"];
            r.Skills = ["Python"];
        });
        for (var i = 0; i < publications; i++)
        {
            var index = i;
            builder.WithPublication(
                $"Paper {i}",
                p =>
                {
                    p.Owner(equal: true);
                    if (coauthor is not null)
                    {
                        p.Author(coauthor, corresponding: true);
                    }
                    for (var a = p.Entity.Authors.Count; a < authorsPerPaper; a++)
                    {
                        p.Author($"Author {a}");
                    }
                    p.With(x => x.Year = 2015 + index % 10)
                        .Link(PublicationLinkKind.Pdf, $"https://example.org/{index}.pdf")
                        .Link(PublicationLinkKind.Code, $"https://github.com/example/{index}");
                },
                highlighted: true);
        }
        for (var i = 0; i < items; i++)
        {
            builder
                .WithLink(ProfileLinkKind.Website, $"https://example.org/link{i}")
                .WithNews($"2024-01-{i + 1:D2}", $"News {i}")
                .WithProject(
                    new Project
                    {
                        Title = $"Project {i}",
                        NarrativeMarkdown = "# Story",
                        Links = [new ProjectLink { Url = "https://example.org/p", SortOrder = 0 }, new ProjectLink { Url = "https://example.org/q", SortOrder = 1 }],
                    },
                    "Paper 0")
                .WithEducation(new Education { Degree = $"Degree {i}", Institution = "University" })
                .WithPosition(new Position { Title = $"Position {i}", Employer = "Company" })
                .WithAward(new Award { Title = $"Award {i}" })
                .WithService("Reviewer", $"Venue {i}", 2020, 2021)
                .WithTalk(new Talk { Title = $"Talk {i}" })
                .WithWriting(new WritingItem { ListTitle = $"List {i % 2}", Title = $"Post {i}", Url = "https://example.org/post" });
        }
        return builder;
    }
}
