using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Search;
using static ResearcherProfiles.Web.Search.PostgresSiteSearch;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// PostgreSQL finds the newest matching papers one of two ways, chosen by the planner's estimate
/// of how many match: walking the primary key from the newest, or gathering every match from the
/// full-text index. A test site is far too small for the walk ever to be chosen, so both are run
/// here on purpose and must agree.
/// </summary>
public sealed class PostgresPaperScanTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Theory]
    [InlineData(130_000, 337_000, true)]
    [InlineData(57_000, 337_000, true)]
    [InlineData(24_000, 337_000, false)]
    [InlineData(5_000, 337_000, false)]
    [InlineData(40, 40, false)]
    [InlineData(0, 0, false)]
    public void A_common_word_walks_from_the_newest_and_a_rarer_one_gathers_its_matches(double matching, double papers, bool walks) =>
        Assert.Equal(walks, ChooseScan(matching, papers) == PaperScan.NewestFirst);

    [Fact]
    public void The_estimates_are_read_from_the_plan_and_are_zero_when_missing()
    {
        Assert.Equal((5485, 337181), Estimate("""
            [{"Plan": {"Node Type": "Append", "Plan Rows": 342666, "Plans": [
              {"Node Type": "Bitmap Heap Scan", "Plan Rows": 5485, "Plan Width": 4},
              {"Node Type": "Index Only Scan", "Plan Rows": 337181, "Plan Width": 4}]}}]
            """));
        Assert.Equal((0, 0), Estimate("""[{"Plan": {"Node Type": "Result", "Plan Rows": 1}}]"""));
        Assert.Equal((0, 0), Estimate(null));
    }

    [PostgresOnlyFact("the two ways PostgreSQL finds the newest matching papers")]
    public async Task Both_ways_find_the_same_newest_listed_papers_in_the_same_order()
    {
        var w = SearchTests.Word();
        await new ResearcherBuilder($"Hidden Scan {w}").Hidden().WithPublication($"On hidden profile {w}", p => p.Owner()).SaveAsync(factory);
        await new ResearcherBuilder($"Quiet Scan {w}")
            .With(r => r.Sections = [new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }])
            .WithPublication($"In hidden section {w}", p => p.Owner())
            .SaveAsync(factory);
        var shown = new ResearcherBuilder($"Shown Scan {w}").With(r => r.Affiliation = $"Scan Institute {w}")
            .WithPublication($"Hidden paper {w}", p => p.Owner(), visible: false);
        for (var i = 0; i < 25; i++)
        {
            // The word in the title of some and only in the abstract of others, so that the ranks differ.
            shown = i % 3 == 0
                ? shown.WithPublication($"Study {i} of {w} {w}", p => p.Owner())
                : shown.WithPublication($"Study {i}", p => p.Owner().With(x => x.Abstract = $"Mentions {w} once."));
        }
        await shown.SaveAsync(factory);
        await new ResearcherBuilder($"Elsewhere Scan {w}").WithPublication($"Elsewhere {w}", p => p.Owner()).SaveAsync(factory);

        foreach (var request in new[]
        {
            new SearchRequest([w], null, null, 1, 1),
            new SearchRequest([w], null, null, 1, 2),
            new SearchRequest([w[..6]], null, null, 1, 1),
            new SearchRequest(["study", w], null, $"Scan Institute {w}", 1, 1),
        })
        {
            var walked = await SearchAsync(PaperScan.NewestFirst, request);
            var gathered = await SearchAsync(PaperScan.AllMatches, request);
            var chosen = await SearchAsync(null, request);

            Assert.NotEmpty(walked.Papers.Items);
            Assert.Equal(Ids(walked), Ids(gathered));
            Assert.Equal(Ids(walked), Ids(chosen));
            Assert.Equal(walked.Papers.Total, gathered.Papers.Total);
            Assert.DoesNotContain(walked.Papers.Items, p => p.Title.StartsWith("On hidden", StringComparison.Ordinal)
                || p.Title.StartsWith("In hidden", StringComparison.Ordinal) || p.Title.StartsWith("Hidden paper", StringComparison.Ordinal));
        }
        Assert.Equal(26, (await SearchAsync(PaperScan.AllMatches, new SearchRequest([w], null, null, 1, 1))).Papers.Total);
        Assert.Equal(25, (await SearchAsync(PaperScan.NewestFirst, new SearchRequest([w], null, $"Scan Institute {w}", 1, 1))).Papers.Total);
    }

    private static int[] Ids(SearchResults results) => [.. results.Papers.Items.Select(p => p.Id)];

    private async Task<SearchResults> SearchAsync(PaperScan? scan, SearchRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = new PostgresSiteSearch(scope.ServiceProvider.GetRequiredService<AppDbContext>(), factory.Services.GetRequiredService<IServiceScopeFactory>()) { Scan = scan };
        return await search.SearchAsync(request, CancellationToken.None);
    }
}
