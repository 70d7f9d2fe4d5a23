using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>
/// doi.org, the arXiv API, ORCID, DBLP and OpenAlex on a local port, answering in their formats from
/// the files in Responses/, plus identifiers that are slow, fail, are rate-limited or answer with garbage.
/// </summary>
public sealed partial class FakeSources : IAsyncDisposable
{
    public const string JournalDoi = "10.1162/neco.1997.9.8.1735";
    public const string ConferenceDoi = "10.1145/3600000.3600001";
    public const string DatasetDoi = "10.5281/zenodo.1234567";
    public const string SlowDoi = "10.9999/slow";
    public const string BrokenDoi = "10.9999/broken";
    public const string BusyDoi = "10.9999/busy";
    public const string BrieflyLimitedDoi = "10.9999/brief-limit";
    public const string GarbledDoi = "10.9999/garbled";

    private readonly WebApplication _app;

    private FakeSources(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Every request seen: path and query, User-Agent, Accept, and when.</summary>
    public ConcurrentQueue<(string Path, string UserAgent, string Accept, DateTimeOffset At)> Requests { get; } = new();

    /// <summary>When set, the arXiv API answers 503 to everything.</summary>
    public bool ArxivDown { get; set; }

    /// <summary>The fake on <paramref name="url"/>: a free loopback port unless a benchmark needs a known one.</summary>
    public static FakeSources Start(string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var fake = new FakeSources(app);
        var responses = Path.Combine(AppContext.BaseDirectory, "Sources", "Responses");
        var hits = new ConcurrentDictionary<string, int>();
        app.Use((context, next) =>
        {
            fake.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.UserAgent.ToString(), context.Request.Headers.Accept.ToString(), DateTimeOffset.UtcNow));
            return next(context);
        });
        app.MapGet("/api/query", async context =>
        {
            if (fake.ArxivDown)
            {
                context.Response.StatusCode = 503;
                return;
            }
            context.Response.ContentType = "application/atom+xml; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(responses, "arxiv-feed.xml"));
        });
        fake.MapResearcherSources(app, responses);
        app.MapGet("/{**doi}", async (HttpContext context, string doi) =>
        {
            var file = Uri.UnescapeDataString(doi).ToLowerInvariant() switch
            {
                JournalDoi => "journal-article.json",
                ConferenceDoi => "conference-paper.json",
                DatasetDoi => "datacite-dataset.json",
                var other => other,
            };
            switch (file)
            {
                case SlowDoi:
                    await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                case BrokenDoi:
                    context.Response.StatusCode = 500;
                    return;
                case BusyDoi:
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "3600";
                    return;
                case BrieflyLimitedDoi when hits.AddOrUpdate(file, 1, (_, n) => n + 1) == 1:
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                case BrieflyLimitedDoi:
                    file = "conference-paper.json";
                    break;
                case GarbledDoi:
                    context.Response.ContentType = "application/vnd.citationstyles.csl+json";
                    await context.Response.WriteAsync("{\"title\": \"Unfinished");
                    return;
            }
            if (!file.EndsWith(".json", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "application/vnd.citationstyles.csl+json";
            await context.Response.SendFileAsync(Path.Combine(responses, file));
        });
        app.StartAsync().GetAwaiter().GetResult();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
