using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>Cited-by counts from the fake's OpenAlex, in batches; an OpenAlex that is down has a class (and circuit breaker) of its own.</summary>
public sealed class OpenAlexCitationTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    private async Task<CitationCounts> CitedByAsync(IReadOnlyList<PaperIdentifier> identifiers)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenAlexClient>().CitedByAsync(identifiers, CancellationToken.None);
    }

    [Fact]
    public async Task Counts_are_read_fifty_identifiers_at_a_time_and_arXiv_papers_by_their_arXiv_DOI()
    {
        var journal = new PaperIdentifier(IdentifierKind.Doi, FakeSources.JournalDoi);
        var preprint = new PaperIdentifier(IdentifierKind.Arxiv, "2403.16952");
        var unknown = new PaperIdentifier(IdentifierKind.Doi, "10.9999/nobody-cites-this");
        var generated = Enumerable.Range(1, 120).Select(n => new PaperIdentifier(IdentifierKind.Doi, FakeSources.GeneratedCitedDoiPrefix + n.ToString(CultureInfo.InvariantCulture))).ToList();

        var counts = await CitedByAsync([journal, preprint, unknown, .. generated]);

        Assert.Null(counts.Problem);
        Assert.Equal(91532, counts.Counts[journal]);
        Assert.Equal(5, counts.Counts[preprint]);
        Assert.False(counts.Counts.ContainsKey(unknown));
        Assert.All(generated, g => Assert.Equal(int.Parse(g.Value[FakeSources.GeneratedCitedDoiPrefix.Length..], CultureInfo.InvariantCulture), counts.Counts[g]));
        var requests = factory.Fake.Requests.Select(r => r.Path).Where(p => p.StartsWith("/works?filter=doi", StringComparison.Ordinal)).ToList();
        Assert.Equal([50, 50, 23], requests.Select(p => Uri.UnescapeDataString(p.Split('&')[0]).Split('|').Length));
        Assert.Contains("10.48550/arxiv.2403.16952", Uri.UnescapeDataString(requests[0]), StringComparison.Ordinal);
        Assert.All(requests, p => Assert.EndsWith("&per-page=50&select=id,doi,cited_by_count&mailto=webmaster%40example.org", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_to_ask_asks_nothing()
    {
        var before = factory.Fake.Requests.Count;

        var counts = await CitedByAsync([]);

        Assert.Equal((0, (string?)null), (counts.Counts.Count, counts.Problem));
        Assert.Equal(before, factory.Fake.Requests.Count);
    }
}

public sealed class OpenAlexDownCitationTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    [Fact]
    public async Task An_OpenAlex_that_is_down_gives_a_message_and_no_counts()
    {
        factory.Fake.OpenAlexDown = true;
        await using var scope = factory.Services.CreateAsyncScope();

        var counts = await scope.ServiceProvider.GetRequiredService<OpenAlexClient>().CitedByAsync([new PaperIdentifier(IdentifierKind.Doi, FakeSources.JournalDoi)], CancellationToken.None);

        Assert.Equal("OpenAlex answered with an error (HTTP 503); try again later.", counts.Problem);
        Assert.Empty(counts.Counts);
    }
}
