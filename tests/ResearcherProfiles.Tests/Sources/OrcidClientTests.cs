using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The ORCID client as the app registers it, against the fake's ORCID public API.</summary>
public sealed class OrcidClientTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    private async Task<WorkList> WorksAsync(string orcidId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrcidClient>().WorksAsync(orcidId, CancellationToken.None);
    }

    private List<(string Path, string UserAgent, string Accept, DateTimeOffset At)> RequestsFor(string orcidId) =>
        factory.Fake.Requests.Where(r => r.Path.StartsWith($"/v3.0/{orcidId}/", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_record_lists_its_works_with_authors_from_one_request_for_details()
    {
        var found = await WorksAsync("https://orcid.org/" + FakeSources.OrcidId);

        Assert.Null(found.Problem);
        Assert.Equal(["51234999", "61000001", "70000001", "70000002", "70000003"], found.Works.Select(w => w.SourceKey));
        var glacier = found.Works[0].Paper;
        Assert.Equal(("Tidewater glacier retreat in Svalbard, 1990–2018", "10.5555/jog.2019.0042"), (glacier.Title, glacier.Doi));
        Assert.Equal(["Josiah Carberry", "Ingrid M. Solheim"], glacier.Authors.Select(a => a.AsWritten));
        // ORCID answered the last one's details with an error: its summary still stands.
        Assert.Equal(("Field Notes from Ny-Ålesund", 0), (found.Works[4].Paper.Title, found.Works[4].Paper.Authors.Count));
        var requests = RequestsFor(FakeSources.OrcidId);
        Assert.Equal([$"/v3.0/{FakeSources.OrcidId}/works", $"/v3.0/{FakeSources.OrcidId}/works/51234999,61000001,70000001,70000002,70000003"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal("application/json", r.Accept));
        Assert.All(requests, r => Assert.Equal("ResearcherProfiles/1.0 (http://localhost; mailto:webmaster@example.org)", r.UserAgent));
    }

    [Fact]
    public async Task Details_are_asked_for_at_most_a_hundred_works_at_a_time()
    {
        var found = await WorksAsync(FakeSources.LargeOrcidId);

        Assert.Null(found.Problem);
        Assert.Equal(FakeSources.LargeOrcidWorkCount, found.Works.Count);
        Assert.Equal(FakeSources.LargeOrcidWorkCount, found.Works.Select(w => w.Paper.Doi).Distinct().Count());
        Assert.All(found.Works, w => Assert.Equal("Josiah Carberry", w.Paper.Authors[0].AsWritten));
        var bulk = RequestsFor(FakeSources.LargeOrcidId).Skip(1).Select(r => r.Path.Split('/')[^1].Split(',').Length).ToList();
        Assert.Equal([100, 100, 100], bulk);

        var other = factory.Fake.AddGeneratedOrcidRecord(250, "Ada Example");
        var more = await WorksAsync(other);
        Assert.Equal(250, more.Works.Count);
        Assert.Equal(FakeSources.GeneratedTitle(other, 249), more.Works[^1].Paper.Title);
        Assert.Equal("Ada Example", more.Works[0].Paper.Authors[0].AsWritten);
        Assert.Equal([100, 100, 50], RequestsFor(other).Skip(1).Select(r => r.Path.Split('/')[^1].Split(',').Length));
    }

    [Fact]
    public async Task Generated_records_are_known_by_their_iD_alone()
    {
        Assert.Equal(FakeSources.LargeOrcidId, FakeSources.GeneratedOrcidId(FakeSources.LargeOrcidWorkCount));
        var id = FakeSources.GeneratedOrcidId(120, serial: 7);
        Assert.Equal(id, ResearcherIds.NormalizeOrcid(id));

        var found = await WorksAsync(id);

        Assert.Equal(120, found.Works.Count);
        Assert.Equal(FakeSources.GeneratedDoi(id, 0), found.Works[0].Paper.Doi);
        Assert.NotEqual(FakeSources.GeneratedDoi(FakeSources.GeneratedOrcidId(120, serial: 8), 0), found.Works[0].Paper.Doi);
        Assert.Equal([100, 20], RequestsFor(id).Skip(1).Select(r => r.Path.Split('/')[^1].Split(',').Length));
    }

    [Fact]
    public async Task A_record_without_works_is_an_empty_list_and_asks_for_no_details()
    {
        var found = await WorksAsync(FakeSources.EmptyOrcidId);

        Assert.Equal((0, (string?)null), (found.Works.Count, found.Problem));
        Assert.Single(RequestsFor(FakeSources.EmptyOrcidId));
    }

    [Fact]
    public async Task An_unknown_iD_and_one_that_is_no_iD_get_messages()
    {
        Assert.Equal($"ORCID has no record {FakeSources.UnknownOrcidId}; check the iD.", (await WorksAsync(FakeSources.UnknownOrcidId)).Problem);

        var mistyped = await WorksAsync("0000-0002-1825-0098");
        Assert.Equal("“0000-0002-1825-0098” is not an ORCID iD; it looks like 0000-0002-1825-0097.", mistyped.Problem);
        Assert.Empty(RequestsFor("0000-0002-1825-0098"));
    }

    [Fact]
    public async Task A_long_rate_limit_is_reported_at_once()
    {
        var found = await WorksAsync(FakeSources.BusyOrcidId);

        Assert.Equal("ORCID is receiving too many requests and asks to wait 3600 s; try again later.", found.Problem);
        Assert.Empty(found.Works);
        Assert.Single(RequestsFor(FakeSources.BusyOrcidId));
    }

    [Fact]
    public async Task A_slow_ORCID_times_out_with_a_message() =>
        Assert.Equal("ORCID did not answer in 1 s; try again later.", (await WorksAsync(FakeSources.SlowOrcidId)).Problem);

    [Fact]
    public async Task A_garbled_answer_is_reported_as_unreadable() =>
        Assert.Equal("ORCID sent an answer that could not be read; try again later.", (await WorksAsync(FakeSources.GarbledOrcidId)).Problem);
}
