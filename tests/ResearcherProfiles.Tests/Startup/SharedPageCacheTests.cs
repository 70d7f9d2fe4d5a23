using System.Diagnostics;
using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Instances of one site keep their public pages in one Redis: a page one renders is served by the
/// other, and an edit through either evicts it from both. Without Redis each keeps its own cache,
/// so an edit through one leaves the other serving its copy until it expires.
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

        // B renders the page, and both instances then serve that one copy from Redis.
        var (rendered, before) = await GetAsync(b.CreateVisitor(), url);
        var (fromB, _) = await GetAsync(b.CreateVisitor(), url);
        var (fromA, _) = await GetAsync(a.CreateVisitor(), url);
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(fromB.Headers.Age);
        Assert.NotNull(fromA.Headers.Age);
        Assert.Equal(rendered.Headers.ETag, fromA.Headers.ETag);
        Assert.Contains("Lecturer", before, StringComparison.Ordinal);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor of Twins" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        var clock = Stopwatch.StartNew();
        var (next, after) = await GetAsync(b.CreateVisitor(), url);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("Professor of Twins", after, StringComparison.Ordinal);
        Assert.Null(next.Headers.Age);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the next request took {clock.Elapsed}");
    }

    [Fact]
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
