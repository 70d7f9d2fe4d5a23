using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>Compression once into the cache, one copy per encoding, with the cache in Redis.</summary>
[NeedsRedis]
public sealed class CompressionOverRedisTests(RedisAppFactory factory) : CompressionSpecs<RedisAppFactory>(factory);

/// <summary>ETag, Last-Modified and 304 answers, with the cache in Redis.</summary>
[NeedsRedis]
public sealed class ValidatorOverRedisTests(RedisAppFactory factory) : ValidatorSpecs<RedisAppFactory>(factory);

/// <summary>With ConnectionStrings:Redis set, public pages are kept in Redis under the site's key prefix.</summary>
[NeedsRedis]
public sealed class RedisPageCacheTests(RedisAppFactory factory) : IClassFixture<RedisAppFactory>
{
    [ServiceFact]
    public async Task Pages_are_kept_in_redis_under_the_sites_prefix_not_in_memory()
    {
        var researcher = await new ResearcherBuilder("Stored Remotely").SaveAsync(factory);
        var visitor = factory.CreateVisitor();

        using var first = await visitor.GetAsync(new Uri($"/people/{researcher.Slug}", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri($"/people/{researcher.Slug}", UriKind.Relative));

        Assert.IsAssignableFrom<IOutputCacheBufferStore>(factory.Services.GetRequiredService<IOutputCacheStore>());
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        var keys = await TestRedis.KeysAsync(factory.InstanceName);
        Assert.Contains(keys, k => k.StartsWith(factory.InstanceName + "__MSOCV_", StringComparison.Ordinal) && k.Contains(researcher.Slug, StringComparison.OrdinalIgnoreCase));
    }

    [ServiceFact]
    public async Task An_edit_removes_the_sites_pages_from_redis()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Evicted Remotely"));
        using var cached = await factory.CreateVisitor().GetAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative));
        Assert.Contains(await TestRedis.KeysAsync(factory.InstanceName), k => k.Contains(profile.Slug, StringComparison.OrdinalIgnoreCase));

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Evicted everywhere" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");

        Assert.DoesNotContain(await TestRedis.KeysAsync(factory.InstanceName), k => k.Contains(profile.Slug, StringComparison.OrdinalIgnoreCase));
    }

    [ServiceFact]
    public async Task Readiness_lists_redis_with_the_database()
    {
        using var ready = await factory.CreateVisitor().GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","redis":"Healthy"}}""", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>
/// Redis is a cache, not a dependency: with ConnectionStrings:Redis naming a port where nothing
/// answers, the site starts, serves every page uncached, saves edits, and says Redis is degraded.
/// </summary>
public sealed class UnreachableRedisTests(UnreachableRedisTests.App factory) : IClassFixture<UnreachableRedisTests.App>
{
    public sealed class App : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            [SharedPageCache.ConnectionStringKey] = $"127.0.0.1:{ClosedPort()},connectTimeout=1000",
        };

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    [Fact]
    public async Task Pages_are_served_uncached_and_edits_save()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Without Redis"));
        var visitor = factory.CreateVisitor();
        var url = new Uri($"/people/{profile.Slug}", UriKind.Relative);

        using var first = await visitor.GetAsync(url);
        using var second = await visitor.GetAsync(url);
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Saved without Redis" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        using var after = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.NotNull(second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Saved without Redis", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_says_redis_is_degraded_and_still_answers_ok_and_liveness_asks_nothing()
    {
        var visitor = factory.CreateVisitor();

        using var ready = await visitor.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        using var summary = await visitor.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var live = await visitor.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Degraded","checks":{"database":"Healthy","redis":"Degraded"}}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal("Degraded", await summary.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("connectTimeout=100")]
    [InlineData("localhost:6379,nonsense=1")]
    public void A_setting_that_is_not_a_redis_address_stops_start_up_naming_it(string value)
    {
        var failure = Assert.Throws<StartupFailureException>(() => SharedPageCache.RedisOptions(value));
        Assert.Contains(SharedPageCache.ConnectionStringKey, failure.Message, StringComparison.Ordinal);
    }
}
