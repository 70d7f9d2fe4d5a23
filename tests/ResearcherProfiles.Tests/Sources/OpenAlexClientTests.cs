using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The OpenAlex client's works lists as the app registers it, against the fake's OpenAlex API.</summary>
public sealed class OpenAlexClientTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    private async Task<WorkList> WorksAsync(string authorId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenAlexClient>().WorksAsync(authorId, CancellationToken.None);
    }

    private List<string> RequestsFor(string authorId) =>
        factory.Fake.Requests.Select(r => r.Path).Where(p => p.Contains(authorId, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task An_author_lists_their_works_page_by_page_in_the_polite_pool()
    {
        var found = await WorksAsync("https://openalex.org/" + FakeSources.OpenAlexAuthorId);

        Assert.Null(found.Problem);
        Assert.Equal(["W4390000001", "W4390000002", "W4390000003", "W4390000004", "W4390000005", "W4390000006"], found.Works.Select(w => w.SourceKey));
        Assert.Equal(
            [
                $"/works?filter=author.id:{FakeSources.OpenAlexAuthorId}&per-page=200&cursor=*&mailto=webmaster%40example.org",
                $"/works?filter=author.id:{FakeSources.OpenAlexAuthorId}&per-page=200&cursor={Uri.EscapeDataString("IlsyMDE5LCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTAwMDAwMDMnXSI=")}&mailto=webmaster%40example.org",
            ],
            RequestsFor(FakeSources.OpenAlexAuthorId));
        Assert.All(factory.Fake.Requests.Where(r => r.Path.StartsWith("/works", StringComparison.Ordinal)),
            r => Assert.Equal("ResearcherProfiles/1.0 (http://localhost; mailto:webmaster@example.org)", r.UserAgent));
    }

    [Fact]
    public async Task Paging_stops_after_ten_pages()
    {
        var found = await WorksAsync(FakeSources.EndlessOpenAlexId);

        Assert.Null(found.Problem);
        Assert.Equal(OpenAlexClient.MaxPages, found.Works.Count);
        Assert.Equal(OpenAlexClient.MaxPages, RequestsFor(FakeSources.EndlessOpenAlexId).Count);
    }

    [Fact]
    public async Task An_unknown_author_and_one_that_is_no_id_get_messages()
    {
        Assert.Equal($"OpenAlex has no author {FakeSources.UnknownOpenAlexId}; check the id.", (await WorksAsync(FakeSources.UnknownOpenAlexId)).Problem);
        Assert.Equal($"/authors/{FakeSources.UnknownOpenAlexId}?mailto=webmaster%40example.org", RequestsFor(FakeSources.UnknownOpenAlexId)[^1]);
        Assert.Equal("“W4390000001” is not an OpenAlex author id; it looks like A5023888391.", (await WorksAsync("W4390000001")).Problem);
    }

    [Fact]
    public async Task A_long_rate_limit_is_reported_at_once()
    {
        Assert.Equal("OpenAlex is receiving too many requests and asks to wait 3600 s; try again later.", (await WorksAsync(FakeSources.BusyOpenAlexId)).Problem);
        Assert.Single(RequestsFor(FakeSources.BusyOpenAlexId));
    }

    [Fact]
    public async Task A_slow_OpenAlex_times_out_with_a_message() =>
        Assert.Equal("OpenAlex did not answer in 1 s; try again later.", (await WorksAsync(FakeSources.SlowOpenAlexId)).Problem);

    [Fact]
    public async Task A_garbled_answer_is_reported_as_unreadable() =>
        Assert.Equal("OpenAlex sent an answer that could not be read; try again later.", (await WorksAsync(FakeSources.GarbledOpenAlexId)).Problem);
}
