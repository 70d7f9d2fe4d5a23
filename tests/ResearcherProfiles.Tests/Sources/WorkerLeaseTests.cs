using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The database lease that lets one of several app instances run a piece of background work.</summary>
public sealed class WorkerLeaseTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private async Task<bool> TakeAsync(string name, string holder, DateTime now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await WorkerLeases.TryTakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), name, holder, Minute, now, CancellationToken.None);
    }

    [Fact]
    public async Task A_lease_is_held_until_it_expires_or_is_given_up()
    {
        var now = DateTime.UtcNow;
        Assert.True(await TakeAsync("test-hold", "a", now));
        Assert.False(await TakeAsync("test-hold", "b", now.AddSeconds(30)));
        Assert.True(await TakeAsync("test-hold", "a", now.AddSeconds(30)));
        Assert.False(await TakeAsync("test-hold", "b", now.AddSeconds(80)));
        Assert.True(await TakeAsync("test-hold", "b", now.AddSeconds(91)));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await WorkerLeases.ReleaseAsync(db, "test-hold", "a", CancellationToken.None);
            Assert.False(await TakeAsync("test-hold", "a", now.AddSeconds(92)));
            await WorkerLeases.ReleaseAsync(db, "test-hold", "b", CancellationToken.None);
        }
        Assert.True(await TakeAsync("test-hold", "a", now.AddSeconds(92)));
    }

    [Fact]
    public async Task Of_many_asking_at_once_exactly_one_gets_a_new_lease()
    {
        // The app started first: the race is the lease's, not the test host's start.
        _ = factory.Services;
        var now = DateTime.UtcNow;
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => TakeAsync("test-race", $"instance-{i}", now))));
        Assert.Single(results, taken => taken);
    }
}
