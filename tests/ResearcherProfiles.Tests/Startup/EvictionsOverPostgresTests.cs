using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Instances on one PostgreSQL database without Redis each cache pages in their own files, and
/// tell each other through the database which pages an edit made stale: a page edited through one
/// is rendered afresh by the other at once, and the other's pages of unrelated profiles stay cached.
/// </summary>
public sealed class EvictionsOverPostgresTests
{
    private const string Reason = "on SQLite each instance keeps its own cache (SharedPageCacheTests)";

    /// <summary>One instance of the site, on the database of the shared data folder, caching pages in its own files.</summary>
    private sealed class Instance(string data) : ProfilesAppFactory(data);

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(ProfilesAppFactory instance, string url)
    {
        var response = await instance.CreateVisitor().GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks for <paramref name="url"/> twice, so that the instance has it cached and in memory.</summary>
    private static async Task CachedAsync(ProfilesAppFactory instance, string url)
    {
        await GetAsync(instance, url);
        var (second, _) = await GetAsync(instance, url);
        Assert.NotNull(second.Headers.Age);
    }

    /// <summary>Asks for <paramref name="url"/> until the instance renders it afresh (no Age), for five seconds at most: the last answer, and how long that took.</summary>
    private static async Task<(HttpResponseMessage Response, string Body, TimeSpan Took)> RenderedAfreshAsync(ProfilesAppFactory instance, string url)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(10);
            var (response, body) = await GetAsync(instance, url);
            if (response.Headers.Age is null || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return (response, body, clock.Elapsed);
            }
        }
    }

    [PostgresOnlyFact(Reason)]
    public async Task An_edit_through_one_instance_is_rendered_afresh_by_the_other_at_once()
    {
        var data = NewFolder();
        await using var a = new Instance(data);
        var (profile, owner) = await a.OwnedProfileAsync(new ResearcherBuilder("Notified Twin").With(r => r.Headline = "Lecturer"));
        var bystander = await new ResearcherBuilder("Unrelated Bystander").SaveAsync(a);
        await using var b = new Instance(data);
        var url = $"/people/{profile.Slug}";
        var hotOnB = b.Services.GetRequiredService<HotPages>();
        Assert.True(hotOnB.Enabled, "B keeps pages in memory only once it listens, which it does before serving");
        await CachedAsync(b, url);
        await CachedAsync(b, $"/people/{bystander.Slug}");
        Assert.Equal(2, hotOnB.Count);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor of Notices" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        var (_, body, took) = await RenderedAfreshAsync(b, url);

        Assert.Contains("Professor of Notices", body, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(1), $"B served the page as it was before the edit for {took}");
        Assert.DoesNotContain("Lecturer", body, StringComparison.Ordinal);
        // Only the edited profile's pages (and the listings) were evicted on B.
        var (unrelated, _) = await GetAsync(b, $"/people/{bystander.Slug}");
        Assert.NotNull(unrelated.Headers.Age);
    }

    /// <summary>An instance stopped right after answering an edit has told the others of it already.</summary>
    [PostgresOnlyFact(Reason)]
    public async Task An_edit_is_answered_once_its_notices_have_left()
    {
        var data = NewFolder();
        await using var a = new Instance(data);
        var (profile, owner) = await a.OwnedProfileAsync(new ResearcherBuilder("Patient Editor"));
        var evictions = a.Services.GetRequiredService<EvictionsOverPostgres>();
        // The notices' connection is cut: the next notice fails, and is sent again a second later.
        Assert.Equal(1L, await TerminateAsync(data, EvictionsOverPostgres.SendingApplicationName));

        var clock = Stopwatch.StartNew();
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Waited For" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");

        Assert.Equal(0, evictions.Unsaid);
        Assert.True(clock.Elapsed < EvictionsOverPostgres.MostWaitBeforeAnswering + TimeSpan.FromSeconds(1), $"The answer took {clock.Elapsed}");
    }

    /// <summary>Ends every connection to the site's database named <paramref name="applicationName"/>, as a restart of the server would; how many.</summary>
    private static async Task<long> TerminateAsync(string data, string applicationName)
    {
        var database = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(data)).Database;
        await using var admin = new NpgsqlConnection(TestDatabase.ConnectionStringFor(data));
        await admin.OpenAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND application_name = @name", admin);
        cut.Parameters.AddWithValue("database", database!);
        cut.Parameters.AddWithValue("name", applicationName);
        return (long)(await cut.ExecuteScalarAsync())!;
    }

    [PostgresOnlyFact(Reason)]
    public async Task Evictions_too_many_for_one_notice_all_reach_the_other_instance()
    {
        var data = NewFolder();
        await using var a = new Instance(data);
        var last = await new ResearcherBuilder("Last In Line").SaveAsync(a);
        await using var b = new Instance(data);
        var url = $"/people/{last.Slug}";
        await CachedAsync(b, url);

        // About 18 KB of tags at once, where one notice carries at most 8,000 bytes.
        var store = a.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        foreach (var id in Enumerable.Range(1_000_000, 1_200))
        {
            await store.EvictByTagAsync(PublicPageTags.Profile(id), default);
        }
        await store.EvictByTagAsync(PublicPageTags.Profile(last.Id), default);

        var (response, _, _) = await RenderedAfreshAsync(b, url);
        Assert.Null(response.Headers.Age);
    }

    /// <summary>The notices leave a moment after an eviction, on a connection of their own: the tests that count a page's round trips leave them out.</summary>
    [PostgresOnlyFact(Reason)]
    public async Task A_notice_is_not_counted_among_the_round_trips_of_the_page_it_overlaps()
    {
        await using var a = new Instance(NewFolder());
        await new ResearcherBuilder("Started Before").SaveAsync(a);
        await Task.Delay(500);
        var commands = await a.SqlCommands.RecordAsync(async () =>
        {
            await a.EvictPublicPagesAsync();
            await Task.Delay(500);
        });
        Assert.Empty(commands);
    }

    [PostgresOnlyFact(Reason)]
    public async Task An_instance_that_stopped_listening_keeps_nothing_in_memory_and_drops_its_pages_when_it_listens_again()
    {
        var data = NewFolder();
        await using var a = new Instance(data);
        var (profile, owner) = await a.OwnedProfileAsync(new ResearcherBuilder("Missed Notice").With(r => r.Headline = "Lecturer"));
        var bystander = await new ResearcherBuilder("Cached Meanwhile").SaveAsync(a);
        await using var b = new Instance(data);
        var hotOnB = b.Services.GetRequiredService<HotPages>();
        var url = $"/people/{profile.Slug}";
        await CachedAsync(b, url);
        await CachedAsync(b, $"/people/{bystander.Slug}");

        // Both instances' listening connections are cut.
        Assert.Equal(2L, await TerminateAsync(data, EvictionsOverPostgres.ListeningApplicationName));
        await WaitUntilAsync(() => !hotOnB.Enabled, "B kept pages in memory after its listening connection was cut");
        Assert.Equal(0, hotOnB.Count);
        Assert.Contains("\"evictions\":\"Degraded\"", (await GetAsync(b, "/healthz/ready")).Body, StringComparison.Ordinal);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Professor of Reconnections" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        await WaitUntilAsync(() => hotOnB.Enabled, "B never listened again");
        Assert.Contains("\"evictions\":\"Healthy\"", (await GetAsync(b, "/healthz/ready")).Body, StringComparison.Ordinal);

        // B may have missed the edit's notice, so it dropped every page it had cached.
        var (edited, body) = await GetAsync(b, url);
        var (other, _) = await GetAsync(b, $"/people/{bystander.Slug}");
        Assert.Null(edited.Headers.Age);
        Assert.Contains("Professor of Reconnections", body, StringComparison.Ordinal);
        Assert.Null(other.Headers.Age);
        await CachedAsync(b, url);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), failure);
    }
}
