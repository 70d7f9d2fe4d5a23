using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>
/// The account forms' windows counted in PostgreSQL for instances without Redis: counts add up
/// within a window, a window that is over opens afresh, and rows of windows long over are deleted.
/// </summary>
public sealed class PostgresWindowCounterTests(ProfilesAppFactory app) : IClassFixture<ProfilesAppFactory>
{
    private const string Reason = "the windows are a table of PostgreSQL's (SQLite counts in memory)";

    private PostgresWindowCounter NewCounter(TimeProvider time) =>
        new(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), time);

    [PostgresOnlyFact(Reason)]
    public async Task Counts_add_up_within_a_window_and_a_window_that_is_over_opens_afresh()
    {
        var counter = NewCounter(TimeProvider.System);
        var key = $"test:{Guid.NewGuid():N}";

        var (first, firstLeft) = await counter.AddAsync(key, 1, TimeSpan.FromSeconds(600), default);
        var (second, secondLeft) = await counter.AddAsync(key, 2, TimeSpan.FromSeconds(600), default);
        Assert.Equal(1, first);
        Assert.Equal(3, second);
        Assert.InRange(firstLeft, TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
        Assert.True(secondLeft <= firstLeft, "the second attempt reopened the window");

        var shortKey = $"test:{Guid.NewGuid():N}";
        await counter.AddAsync(shortKey, 5, TimeSpan.FromMilliseconds(200), default);
        await Task.Delay(400);
        var (afresh, left) = await counter.AddAsync(shortKey, 1, TimeSpan.FromSeconds(60), default);
        Assert.Equal(1, afresh);
        Assert.InRange(left, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
    }

    [PostgresOnlyFact(Reason)]
    public async Task Rows_of_windows_that_are_over_are_deleted_now_and_then()
    {
        var time = new FakeTimeProvider();
        var counter = NewCounter(time);
        var over = $"test:{Guid.NewGuid():N}";
        await counter.AddAsync(over, 1, TimeSpan.FromMilliseconds(100), default);
        await Task.Delay(300);

        await counter.AddAsync($"test:{Guid.NewGuid():N}", 1, TimeSpan.FromSeconds(60), default);
        Assert.True(await ExistsAsync(over), "a window was deleted before its time to prune");

        time.Advance(TimeSpan.FromMinutes(11));
        var open = $"test:{Guid.NewGuid():N}";
        await counter.AddAsync(open, 1, TimeSpan.FromSeconds(60), default);
        Assert.False(await ExistsAsync(over), "the row of a window long over is still there");
        Assert.True(await ExistsAsync(open));
    }

    private async Task<bool> ExistsAsync(string key)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM rate_limit_windows WHERE key = {key}").AnyAsync();
    }
}
