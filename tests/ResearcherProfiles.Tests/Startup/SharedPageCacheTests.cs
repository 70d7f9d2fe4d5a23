using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;
using StackExchange.Redis;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Instances of one site keep their public pages in one Redis: a page one renders is served by the
/// other, and an edit through either evicts it from both, and from the pages both keep in memory. Without Redis each keeps its own cache:
/// on one SQLite file an edit through one leaves the other serving its copy until it expires (on
/// PostgreSQL the database carries the evictions, see EvictionsOverPostgresTests).
/// </summary>
[NeedsRedis]
public sealed class SharedPageCacheTests
{
    /// <summary>One instance of the site: the shared data folder (database and photos) and the site's Redis prefix.</summary>
    private sealed class Instance(string data, string instanceName) : RedisAppFactory(data, instanceName);

    /// <summary>One instance with nothing but its own memory to cache pages in.</summary>
    private sealed class MemoryInstance(string data) : ProfilesAppFactory(data);

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [ServiceFact]
    public async Task An_edit_through_one_instance_is_served_by_the_other_at_once()
    {
        var data = NewFolder();
        var site = TestRedis.NewInstanceName();
        await using var a = new Instance(data, site);
        var (profile, owner) = await a.OwnedProfileAsync(new ResearcherBuilder("Twin Cache").With(r => r.Headline = "Lecturer"));
        await using var b = new Instance(data, site);
        var url = $"/people/{profile.Slug}";
        var hotOnB = b.Services.GetRequiredService<HotPages>();
        await ListeningAsync(hotOnB);

        // B renders the page, and both instances then serve that one copy from Redis; B keeps it in memory too.
        var (rendered, before) = await GetAsync(b.CreateVisitor(), url);
        var (fromB, _) = await GetAsync(b.CreateVisitor(), url);
        var (fromA, _) = await GetAsync(a.CreateVisitor(), url);
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(fromB.Headers.Age);
        Assert.NotNull(fromA.Headers.Age);
        Assert.Equal(rendered.Headers.ETag, fromA.Headers.ETag);
        Assert.Contains("Lecturer", before, StringComparison.Ordinal);
        Assert.Equal(1, hotOnB.Count);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor of Twins" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        var clock = Stopwatch.StartNew();
        // A says on Redis that it evicted pages; B drops the page it kept as soon as it hears,
        // well before the kept copy would have lived out its second.
        while (hotOnB.Count > 0 && clock.Elapsed < HotPages.Lifetime / 2)
        {
            await Task.Delay(10);
        }
        var (next, after) = await GetAsync(b.CreateVisitor(), url);

        Assert.True(clock.Elapsed < HotPages.Lifetime / 2, $"B kept the page it held before the edit for {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("Professor of Twins", after, StringComparison.Ordinal);
        Assert.Null(next.Headers.Age);
    }

    /// <summary>An instance whose connections to Redis carry a name of their own, so a test can cut them.</summary>
    private sealed class NamedInstance(string data, string instanceName, string clientName) : RedisAppFactory(data, instanceName)
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(base.ExtraSettings)
        {
            [SharedPageCache.ConnectionStringKey] = base.ExtraSettings[SharedPageCache.ConnectionStringKey] + ",name=" + clientName,
        };
    }

    [ServiceFact]
    public async Task Pages_are_kept_in_memory_only_while_the_instance_hears_the_others_evictions()
    {
        var clientName = $"hot-{Guid.NewGuid():N}";
        await using var a = new NamedInstance(NewFolder(), TestRedis.NewInstanceName(), clientName);
        var hot = a.Services.GetRequiredService<HotPages>();
        await ListeningAsync(hot);
        var researcher = await new ResearcherBuilder("Heard Evictions").SaveAsync(a);
        var url = $"/people/{researcher.Slug}";
        await GetAsync(a.CreateVisitor(), url);
        await GetAsync(a.CreateVisitor(), url);
        Assert.Equal(1, hot.Count);

        // The subscription's connection cut: a message could be missed meanwhile, so what was kept is dropped.
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration + ",allowAdmin=true"))
        {
            var server = admin.GetServers().Single();
            var subscriptions = (await server.ClientListAsync()).Where(c => c.Name == clientName && c.SubscriptionCount > 0).ToList();
            Assert.NotEmpty(subscriptions);
            foreach (var client in subscriptions)
            {
                await server.ClientKillAsync(client.Id);
            }
        }
        var clock = Stopwatch.StartNew();
        while (hot.Count > 0 && clock.Elapsed < HotPages.Lifetime / 2)
        {
            await Task.Delay(10);
        }
        Assert.True(hot.Count == 0, $"the page was still kept {clock.Elapsed} after the subscription was cut");

        // Redis restores the subscription, and pages are kept again.
        await ListeningAsync(hot);
        await GetAsync(a.CreateVisitor(), url);
        await GetAsync(a.CreateVisitor(), url);
        Assert.Equal(1, hot.Count);
    }

    /// <summary>Waits until the instance hears the site's evictions (it subscribes as it starts).</summary>
    private static async Task ListeningAsync(HotPages hot)
    {
        var clock = Stopwatch.StartNew();
        while (!hot.Enabled && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        Assert.True(hot.Enabled, "the instance never subscribed to the site's evictions");
    }

    [SqliteOnlyFact("on PostgreSQL the instances tell each other of their evictions (EvictionsOverPostgresTests)")]
    public async Task Without_redis_an_edit_through_one_instance_leaves_the_others_copy_until_it_expires()
    {
        var data = NewFolder();
        await using var a = new MemoryInstance(data);
        var (profile, owner) = await a.OwnedProfileAsync(new ResearcherBuilder("Twin Memory").With(r => r.Headline = "Lecturer"));
        await using var b = new MemoryInstance(data);
        var url = $"/people/{profile.Slug}";
        await GetAsync(b.CreateVisitor(), url);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor of Memory" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        var (_, throughA) = await GetAsync(a.CreateVisitor(), url);
        var (stale, throughB) = await GetAsync(b.CreateVisitor(), url);

        Assert.Contains("Professor of Memory", throughA, StringComparison.Ordinal);
        Assert.NotNull(stale.Headers.Age);
        Assert.Contains("Lecturer", throughB, StringComparison.Ordinal);
        Assert.DoesNotContain("Professor of Memory", throughB, StringComparison.Ordinal);
    }
}
