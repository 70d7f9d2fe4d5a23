using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>Slow, failing, rate-limited, garbled and unreachable services: a message per identifier, never an error page.</summary>
public sealed class SourceFailureTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    [Fact]
    public async Task Failing_slow_rate_limited_and_garbled_answers_each_get_a_message_and_the_rest_is_still_found()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));

        var found = await AddByIdentifierTests.LookUpAsync(owner, profile.Slug,
            string.Join('\n', FakeSources.JournalDoi, FakeSources.SlowDoi, FakeSources.BrokenDoi, FakeSources.BusyDoi, FakeSources.GarbledDoi, "10.9999/unknown", "nonsense"));

        var items = found.QuerySelectorAll(".lookup-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, t => t.Contains("Long Short-Term Memory", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("doi.org did not answer in 1 s; try again later.", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("doi.org answered with an error (HTTP 500); try again later.", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("doi.org is receiving too many requests and asks to wait 3600 s; try again later.", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("doi.org sent an answer that could not be read; try again later.", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("doi.org does not know the DOI 10.9999/unknown", StringComparison.Ordinal));
        Assert.Contains(items, t => t.Contains("nonsense", StringComparison.Ordinal) && t.Contains("neither a DOI", StringComparison.Ordinal));
        // A 429 asking for an hour is reported at once, not retried.
        Assert.Single(factory.Fake.Requests, r => r.Path.Contains("busy", StringComparison.Ordinal));
        Assert.NotNull(found.QuerySelector("form.lookup-found"));
    }

    [Fact]
    public async Task An_unreachable_arXiv_gives_a_message_not_an_error_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));
        factory.Fake.ArxivDown = true;
        try
        {
            var found = await AddByIdentifierTests.LookUpAsync(owner, profile.Slug, "2403.16952 2201.03514");

            Assert.Equal(2, found.QuerySelectorAll(".lookup-list li.lookup-failed").Length);
            Assert.Contains("arXiv answered with an error (HTTP 503); try again later.", found.QuerySelector(".lookup-list")!.TextContent, StringComparison.Ordinal);
            Assert.Null(found.QuerySelector("form.lookup-found"));
        }
        finally
        {
            factory.Fake.ArxivDown = false;
        }
    }
}
