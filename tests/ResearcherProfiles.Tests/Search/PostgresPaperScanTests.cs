using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Search;
using static ResearcherProfiles.Web.Search.PostgresSiteSearch;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// PostgreSQL finds the newest matching papers one of three ways, chosen by the planner's estimate
/// of how many match: walking the primary key from the newest, gathering the matches among the
/// newest ids, or gathering every match from the full-text index. A test site is far too small for
/// the first two ever to be chosen, so all are run here on purpose and must agree.
/// </summary>
public sealed class PostgresPaperScanTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Theory]
    [InlineData(130_000, 337_000, nameof(PaperScan.NewestFirst))]
    [InlineData(57_000, 337_000, nameof(PaperScan.NewestFirst))]
    [InlineData(24_000, 337_000, nameof(PaperScan.NewestMatches))]
    [InlineData(5_000, 337_000, nameof(PaperScan.NewestMatches))]
    [InlineData(3_000, 337_000, nameof(PaperScan.AllMatches))]
    [InlineData(40, 40, nameof(PaperScan.AllMatches))]
    [InlineData(0, 0, nameof(PaperScan.AllMatches))]
    public void A_common_word_walks_from_the_newest_a_rarer_one_reads_the_newest_matches_and_a_rare_one_all(double matching, double papers, string expected) =>
        Assert.Equal(expected, ChooseScan(matching, papers).ToString());

    [Theory]
    [InlineData(1, 337_181, 0.1, 303_463)]
    [InlineData(1, 337_181, 1, 1)]
    [InlineData(1, 337_181, 0, 337_181)]
    [InlineData(5, 5, 0.5, 5)]
    [InlineData(1, int.MaxValue, 1, 1)]
    public void The_newest_share_of_the_ids_starts_within_them(int first, int last, double share, int from) =>
        Assert.Equal(from, From(first, last, share));

    [Fact]
    public void The_newest_share_is_sized_for_twice_the_matches_needed()
    {
        Assert.Equal(0.2002, NewestShare(10_000), 6);
        Assert.Equal(1, NewestShare(1_500));
        Assert.Equal(1, NewestShare(0));
    }

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
            var newest = await SearchAsync(PaperScan.NewestMatches, request);
            var chosen = await SearchAsync(null, request);

            Assert.NotEmpty(walked.Papers.Items);
            Assert.Equal(Ids(walked), Ids(gathered));
            Assert.Equal(Ids(walked), Ids(newest));
            Assert.Equal(Ids(walked), Ids(chosen));
            Assert.Equal(walked.Papers.Total, gathered.Papers.Total);
            Assert.DoesNotContain(walked.Papers.Items, p => p.Title.StartsWith("On hidden", StringComparison.Ordinal)
                || p.Title.StartsWith("In hidden", StringComparison.Ordinal) || p.Title.StartsWith("Hidden paper", StringComparison.Ordinal));
        }
        Assert.Equal(26, (await SearchAsync(PaperScan.AllMatches, new SearchRequest([w], null, null, 1, 1))).Papers.Total);
        Assert.Equal(25, (await SearchAsync(PaperScan.NewestFirst, new SearchRequest([w], null, $"Scan Institute {w}", 1, 1))).Papers.Total);
    }

    [PostgresOnlyFact("reading only the newest matching papers")]
    public async Task The_newest_matches_answer_when_they_hold_enough_and_every_match_is_read_when_not()
    {
        var w = SearchTests.Word();
        var shown = new ResearcherBuilder($"Many Papers {w}");
        for (var i = 0; i < 1_100; i++)
        {
            shown = i % 3 == 0
                ? shown.WithPublication($"Paper {i} on {w} {w}", p => p.Owner(), visible: i % 50 != 1)
                : shown.WithPublication($"Paper {i}", p => p.Owner().With(x => x.Abstract = $"Touches on {w}."), visible: i % 50 != 1);
        }
        var owner = await shown.SaveAsync(factory);
        int[] newest;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            newest = await db.Publications.Where(p => p.Profiles.Any(l => l.ResearcherId == owner.Id))
                .OrderByDescending(p => p.Id).Select(p => p.Id).ToArrayAsync();
        }
        Assert.Equal(1_100, newest.Length);

        foreach (var request in new[] { new SearchRequest([w], null, null, 1, 1), new SearchRequest([w], null, null, 1, 50) })
        {
            var walked = await SearchAsync(PaperScan.NewestFirst, request);
            var gathered = await SearchAsync(PaperScan.AllMatches, request);
            // 1,060 papers, of which 21 are hidden: more than can be counted, so this answer stands.
            var enough = await SearchAsync(PaperScan.NewestMatches, request, from: newest[1_059]);
            // 500 papers: too few, so every match is read instead.
            var tooFew = await SearchAsync(PaperScan.NewestMatches, request, from: newest[499]);

            Assert.True(gathered.PapersCapped);
            Assert.Equal(20, gathered.Papers.Items.Count);
            Assert.Equal(Ids(walked), Ids(gathered));
            Assert.Equal(Ids(gathered), Ids(enough));
            Assert.Equal(Ids(gathered), Ids(tooFew));
            Assert.True(enough.PapersCapped);
            Assert.True(tooFew.PapersCapped);
        }
    }

    private static int[] Ids(SearchResults results) => [.. results.Papers.Items.Select(p => p.Id)];

    private async Task<SearchResults> SearchAsync(PaperScan? scan, SearchRequest request, int? from = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = new PostgresSiteSearch(scope.ServiceProvider.GetRequiredService<AppDbContext>(), factory.Services.GetRequiredService<IServiceScopeFactory>())
        {
            Scan = scan,
            NewestFrom = from,
        };
        return await search.SearchAsync(request, CancellationToken.None);
    }
}
