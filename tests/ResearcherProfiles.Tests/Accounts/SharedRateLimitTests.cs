using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>
/// With Redis, or without it on one PostgreSQL database, the instances of a site count a client's
/// account-form attempts together: spreading them over two instances gets no more than one instance would give.
/// </summary>
[NeedsRedis]
public sealed class SharedRateLimitTests
{
    /// <summary>An instance of the site allowing three account POSTs per ten minutes, behind a proxy on 127.0.0.1.</summary>
    private sealed class Instance(string data, string instanceName) : RedisAppFactory(data, instanceName)
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(base.ExtraSettings)
        {
            ["RateLimiting:Accounts:PermitLimit"] = "3",
            ["RateLimiting:Accounts:WindowSeconds"] = "600",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        };
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    private static HttpClient ClientAt(ProfilesAppFactory app, string address)
    {
        var client = app.CreateVisitor();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>An instance of the site without Redis, on the database of the shared data folder, with the same limit.</summary>
    private sealed class DatabaseInstance(string data) : ProfilesAppFactory(data)
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["RateLimiting:Accounts:PermitLimit"] = "3",
            ["RateLimiting:Accounts:WindowSeconds"] = "600",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        };
    }

    [ServiceFact]
    public async Task Attempts_spread_over_two_instances_share_one_limit()
    {
        var data = NewFolder();
        var site = TestRedis.NewInstanceName();
        await using var first = new Instance(data, site);
        await using var second = new Instance(data, site);
        await AssertOneLimitAsync(first, second, "203.0.113.70");
    }

    [PostgresOnlyFact("on SQLite one instance serves the site and counts in memory")]
    public async Task Without_redis_instances_on_one_postgresql_database_share_one_limit()
    {
        var data = NewFolder();
        await using var first = new DatabaseInstance(data);
        await using var second = new DatabaseInstance(data);
        await AssertOneLimitAsync(first, second, "203.0.113.73");
    }

    /// <summary>Three attempts from one address through the two instances pass, the fourth is refused; another address still passes.</summary>
    private static async Task AssertOneLimitAsync(ProfilesAppFactory first, ProfilesAppFactory second, string address)
    {
        using var throughFirst = ClientAt(first, address);
        using var throughSecond = ClientAt(second, address);

        foreach (var client in new[] { throughFirst, throughSecond, throughFirst })
        {
            using var allowed = await client.SubmitLoginAsync("someone@example.org", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await throughSecond.SubmitLoginAsync("someone@example.org", "a wrong password");
        using var otherClient = await ClientAt(second, "198.51.100.9").SubmitLoginAsync("someone@example.org", "a wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 590, 600);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task While_redis_does_not_answer_each_instance_keeps_the_limit_on_its_own()
    {
        await using var app = new UnreachableRedisInstance();
        using var client = ClientAt(app, "203.0.113.72");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SubmitLoginAsync("someone@example.org", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.SubmitLoginAsync("someone@example.org", "a wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    /// <summary>An instance configured with a Redis that does not answer (a closed loopback port).</summary>
    private sealed class UnreachableRedisInstance : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{Publishing.PublishedAppFixture.FreePort()},connectTimeout=1000",
            ["RateLimiting:Accounts:PermitLimit"] = "3",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        };
    }
}
