using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;
using StackExchange.Redis;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// Redis going away while the site runs, and coming back: pages are served uncached meanwhile,
/// edits save, and a page evicted while Redis was away is not served from it once it is back.
/// </summary>
[NeedsRedis]
public sealed class RedisOutageTests
{
    /// <summary>The app reaching the test Redis through <paramref name="link"/>, which the test cuts and mends.</summary>
    private sealed class App(Link link, string instanceName) : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            [SharedPageCache.ConnectionStringKey] = $"127.0.0.1:{link.Port},connectTimeout=1000",
            [SharedPageCache.InstanceNameKey] = instanceName,
        };
    }

    /// <summary>A TCP relay on a loopback port to the test Redis: cut, it closes every connection and refuses new ones.</summary>
    private sealed class Link : IDisposable
    {
        private readonly EndPoint _redis = ConfigurationOptions.Parse(TestRedis.Configuration!).EndPoints.Single();
        private readonly ConcurrentBag<Socket> _open = [];
        private TcpListener? _listener;

        public int Port { get; private set; }

        public void Mend()
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = RelayAsync(_listener);
        }

        public void Cut()
        {
            _listener?.Stop();
            while (_open.TryTake(out var socket))
            {
                socket.Dispose();
            }
        }

        private async Task RelayAsync(TcpListener listener)
        {
            try
            {
                while (true)
                {
                    var client = await listener.AcceptSocketAsync();
                    var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await server.ConnectAsync(_redis);
                    _open.Add(client);
                    _open.Add(server);
                    _ = CopyAsync(client, server);
                    _ = CopyAsync(server, client);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The link was cut.
            }
        }

        private static async Task CopyAsync(Socket from, Socket to)
        {
            try
            {
                await using var input = new NetworkStream(from, ownsSocket: false);
                await using var output = new NetworkStream(to, ownsSocket: false);
                await input.CopyToAsync(output);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // One side closed: the other follows below.
            }
            from.Dispose();
            to.Dispose();
        }

        public void Dispose() => Cut();
    }

    private static async Task WaitForRedisAsync(HttpClient client, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var ready = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            ready = await response.Content.ReadAsStringAsync();
            if (ready.Contains($"\"redis\":\"{state}\"", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Redis was not {state} within 30 s: {ready}");
    }

    private static async Task WaitForHotPagesOffAsync(App app)
    {
        var hot = app.Services.GetRequiredService<HotPages>();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (hot.Enabled && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.False(hot.Enabled, "Pages are still kept in memory 5 s after Redis went away.");
    }

    [ServiceFact]
    public async Task Pages_evicted_while_redis_was_away_are_not_served_from_it_when_it_is_back()
    {
        using var link = new Link();
        link.Mend();
        var site = TestRedis.NewInstanceName();
        await using var app = new App(link, site);
        try
        {
            var (profile, owner) = await app.OwnedProfileAsync(new ResearcherBuilder("Outage Person").With(r => r.Headline = "Lecturer"));
            var visitor = app.CreateVisitor();
            var url = new Uri($"/people/{profile.Slug}", UriKind.Relative);
            await visitor.GetAsync(url);
            using var cached = await visitor.GetAsync(url);
            Assert.NotNull(cached.Headers.Age);

            link.Cut();
            await WaitForRedisAsync(visitor, "Degraded");
            // The page kept in memory for its second goes once the instance hears its subscription is gone,
            // a moment after the health check's failed PING.
            await WaitForHotPagesOffAsync(app);
            using var uncached = await visitor.GetAsync(url);
            using var saved = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor after the outage" }, "form.basics-form");
            using var fresh = await visitor.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, uncached.StatusCode);
            Assert.Null(uncached.Headers.Age);
            saved.AssertRedirectsTo($"/edit/{profile.Slug}");
            Assert.Contains("Professor after the outage", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The page from before the edit is still in Redis: nothing could remove it.
            Assert.Contains(await TestRedis.KeysAsync(site), k => k.Contains(profile.Slug, StringComparison.OrdinalIgnoreCase));

            link.Mend();
            await WaitForRedisAsync(visitor, "Healthy");
            using var afterwards = await visitor.GetAsync(url);
            using var cachedAgain = await visitor.GetAsync(url);

            Assert.Null(afterwards.Headers.Age);
            Assert.Contains("Professor after the outage", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(cachedAgain.Headers.Age);
            Assert.Contains("Professor after the outage", await cachedAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await TestRedis.DeleteKeysAsync(site);
        }
    }
}
