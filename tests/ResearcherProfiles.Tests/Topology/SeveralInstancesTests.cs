using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;
using Xunit.Abstractions;

namespace ResearcherProfiles.Tests.Topology;

/// <summary>
/// Two instances of the published app on PostgreSQL and Redis (or PostgreSQL alone) behind nginx (docker-compose.yml's
/// topology, on loopback) behave as one site: a sign-in through the proxy holds on either instance,
/// an edit through one is what the other serves next, and killing one under load fails no request
/// but those it was answering.
/// </summary>
public sealed class SeveralInstancesTests(ITestOutputHelper output)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;

    [Fact]
    public async Task Two_instances_behind_the_proxy_serve_one_site_and_survive_losing_one()
    {
        await using var site = await SiteTopology.StartAsync();
        try
        {
            await SignInEditAndReadAcrossInstancesAsync(site);
            await KillOneUnderLoadAsync(site);
        }
        catch
        {
            output.WriteLine(site.Output);
            throw;
        }
    }

    /// <summary>
    /// Without Redis each instance caches pages in its own files, and PostgreSQL carries the first
    /// instance's eviction to the second.
    /// </summary>
    [Fact]
    public async Task Without_redis_two_instances_on_postgresql_still_serve_one_site()
    {
        await using var site = await SiteTopology.StartAsync(withRedis: false);
        try
        {
            await SignInEditAndReadAcrossInstancesAsync(site);
        }
        catch
        {
            output.WriteLine(site.Output);
            throw;
        }
    }

    private static async Task SignInEditAndReadAcrossInstancesAsync(SiteTopology site)
    {
        // One cookie jar for every address: cookies belong to the host (127.0.0.1), not the port.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var proxy = new HttpClient(handler, disposeHandler: false) { BaseAddress = site.ProxyAddress };
        using var first = new HttpClient(handler, disposeHandler: false) { BaseAddress = site.FirstAddress };
        using var second = new HttpClient(handler, disposeHandler: false) { BaseAddress = site.SecondAddress };

        using (var signedIn = await proxy.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.ResearcherEmail,
            ["Input.Password"] = DemoAccounts.ResearcherPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        // Signed in through the proxy, so on whichever instance answered; both know the cookie.
        foreach (var instance in new[] { first, second })
        {
            using var editor = await instance.GetAsync(new Uri($"/edit/{Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        }

        // Visitors without a sign-in get cached pages; the second instance has the page in its cache before the edit.
        using var visitorOfSecond = new HttpClient { BaseAddress = site.SecondAddress };
        using var visitorOfProxy = new HttpClient { BaseAddress = site.ProxyAddress };
        var before = await visitorOfSecond.GetStringAsync(new Uri($"/people/{Slug}", UriKind.Relative));
        using (var cached = await visitorOfSecond.GetAsync(new Uri($"/people/{Slug}", UriKind.Relative)))
        {
            Assert.NotNull(cached.Headers.Age);
        }
        var headline = $"Headline set on one instance {Guid.NewGuid():N}";
        Assert.DoesNotContain(headline, before, StringComparison.Ordinal);

        using (var saved = await first.SubmitFormAsync($"/edit/{Slug}", new Dictionary<string, string> { ["Input.Headline"] = headline }, "form.basics-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The edit evicted the page from the shared cache, and the first instance said so on Redis (or,
        // without Redis, on PostgreSQL), so the second drops its copy as it hears it: within a second,
        // and in practice at once.
        var watch = Stopwatch.StartNew();
        var after = await visitorOfSecond.GetStringAsync(new Uri($"/people/{Slug}", UriKind.Relative));
        while (!HeadlineOf(after).Contains(headline, StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
            after = await visitorOfSecond.GetStringAsync(new Uri($"/people/{Slug}", UriKind.Relative));
        }
        Assert.Contains(headline, HeadlineOf(after), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the second instance took {watch.Elapsed} to show the edit");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(headline, HeadlineOf(await visitorOfProxy.GetStringAsync(new Uri($"/people/{Slug}", UriKind.Relative))), StringComparison.Ordinal);
        }
    }

    private static async Task KillOneUnderLoadAsync(SiteTopology site)
    {
        string[] pages = ["/", $"/people/{Slug}", $"/people/{DemoSlugs.FullCv}", $"/people/{DemoSlugs.LongAbout}/publications", "/healthz"];
        const int Workers = 4;
        var outcomes = new ConcurrentBag<(TimeSpan Started, TimeSpan Ended, bool Ok, string What)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        using var client = new HttpClient { BaseAddress = site.ProxyAddress, Timeout = TimeSpan.FromSeconds(10) };

        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                var started = clock.Elapsed;
                var page = pages[i % pages.Length];
                try
                {
                    using var response = await client.GetAsync(new Uri(page, UriKind.Relative), CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    outcomes.Add((started, clock.Elapsed, response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}"));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcomes.Add((started, clock.Elapsed, false, $"{page}: {e.Message}"));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = clock.Elapsed;
        site.First.Kill();
        await Task.WhenAll(load);

        var failed = outcomes.Where(o => !o.Ok).ToList();
        var inFlightAtTheKill = outcomes.Count(o => o.Started <= killedAt && o.Ended >= killedAt);
        var afterTheKill = outcomes.Where(o => o.Started > killedAt).ToList();
        Assert.True(outcomes.Any(o => o.Ended < killedAt && o.Ok), "nothing was served before the kill");
        Assert.True(afterTheKill.Count(o => o.Ok) > 10, $"only {afterTheKill.Count(o => o.Ok)} requests were served after the kill");
        // Only requests the killed instance was answering may fail; every later one is served.
        Assert.True(failed.Count <= Math.Max(inFlightAtTheKill, Workers), $"{failed.Count} failed: {string.Join("; ", failed.Select(f => f.What))}");
        Assert.All(failed, f => Assert.True(f.Started <= killedAt, $"a request started {f.Started - killedAt} after the kill failed: {f.What}"));
    }

    private static string HeadlineOf(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent ?? "";
}
