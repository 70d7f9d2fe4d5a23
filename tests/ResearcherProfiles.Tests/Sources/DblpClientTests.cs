using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The DBLP client as the app registers it, against the fake's DBLP person pages.</summary>
public sealed class DblpClientTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    private async Task<WorkList> WorksAsync(string pid)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DblpClient>().WorksAsync(pid, CancellationToken.None);
    }

    [Fact]
    public async Task A_person_lists_their_records()
    {
        var found = await WorksAsync("https://dblp.org/pid/" + FakeSources.DblpPid + ".html");

        Assert.Null(found.Problem);
        Assert.Equal(5, found.Works.Count);
        Assert.Equal("Tidal Forecasts from Sparse Gauges", found.Works[0].Paper.Title);
        var request = Assert.Single(factory.Fake.Requests, r => r.Path == $"/pid/{FakeSources.DblpPid}.xml");
        Assert.Equal("ResearcherProfiles/1.0 (http://localhost; mailto:webmaster@example.org)", request.UserAgent);
    }

    [Fact]
    public async Task An_unknown_id_and_one_that_is_no_id_get_messages()
    {
        Assert.Equal($"DBLP has no person {FakeSources.UnknownDblpPid}; check the id.", (await WorksAsync(FakeSources.UnknownDblpPid)).Problem);
        Assert.Equal("“Lena Okafor” is not a DBLP person id; it looks like 31/1161, as in dblp.org/pid/31/1161.", (await WorksAsync("Lena Okafor")).Problem);
    }

    [Fact]
    public async Task A_long_rate_limit_is_reported_at_once()
    {
        Assert.Equal("DBLP is receiving too many requests and asks to wait 3600 s; try again later.", (await WorksAsync(FakeSources.BusyDblpPid)).Problem);
        Assert.Single(factory.Fake.Requests, r => r.Path.Contains(FakeSources.BusyDblpPid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_DBLP_times_out_with_a_message() =>
        Assert.Equal("DBLP did not answer in 1 s; try again later.", (await WorksAsync(FakeSources.SlowDblpPid)).Problem);

    [Fact]
    public async Task A_garbled_answer_is_reported_as_unreadable() =>
        Assert.Equal("DBLP sent an answer that could not be read; try again later.", (await WorksAsync(FakeSources.GarbledDblpPid)).Problem);
}
