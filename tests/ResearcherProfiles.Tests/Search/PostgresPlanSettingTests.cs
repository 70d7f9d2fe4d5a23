using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// A search on PostgreSQL plans every statement for its own words; the setting that makes it so
/// must not follow its connection back into the pool, where the site's other queries reuse their
/// prepared plans (and which the pool gives back without a reset).
/// </summary>
public sealed class PostgresPlanSettingTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [PostgresOnlyFact("how PostgreSQL plans a search's statements")]
    public async Task The_search_s_plan_setting_ends_with_it_and_its_connection_goes_back_as_it_came()
    {
        var w = SearchTests.Word();
        await new ResearcherBuilder($"Planned Search {w}").WithPublication($"Planned {w}", p => p.Owner()).SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var site = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A pool of one connection, given back without a reset as the site's are: whatever the search leaves on it, the next use sees.
        var single = new NpgsqlConnectionStringBuilder(site.Database.GetConnectionString()) { MaxPoolSize = 1, NoResetOnClose = true }.ConnectionString;
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(single).Options);
        Assert.Equal("auto", await PlanCacheModeAsync(db));

        var search = new PostgresSiteSearch(db, factory.Services.GetRequiredService<IServiceScopeFactory>());
        var results = await search.SearchAsync(new SearchRequest([w], null, null, 1, 1), CancellationToken.None);

        Assert.Equal(1, results.Papers.Total);
        Assert.Equal("auto", await PlanCacheModeAsync(db));
    }

    private static async Task<string?> PlanCacheModeAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();
}
