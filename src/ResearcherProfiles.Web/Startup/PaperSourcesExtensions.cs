using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Startup;

public static class PaperSourcesExtensions
{
    /// <summary>
    /// Typed HttpClients for doi.org, the arXiv API, ORCID, DBLP and OpenAlex: each with its base address from the
    /// settings, a User-Agent naming the site and its contact address, a timeout per attempt,
    /// retries with exponential back-off that honour a short Retry-After, and a circuit breaker.
    /// </summary>
    public static void AddPaperSources(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = SourceSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddHttpClient<DoiClient>(http => Configure(http, settings.DoiBaseUrl, settings)).AddResilienceHandler("doi", pipeline => Resilience(pipeline, settings));
        builder.Services.AddHttpClient<ArxivClient>(http => Configure(http, settings.ArxivBaseUrl, settings)).AddResilienceHandler("arxiv", pipeline => Resilience(pipeline, settings));
        builder.Services.AddHttpClient<OrcidClient>(http => Configure(http, settings.OrcidBaseUrl, settings)).AddResilienceHandler("orcid", pipeline => Resilience(pipeline, settings));
        builder.Services.AddHttpClient<DblpClient>(http => Configure(http, settings.DblpBaseUrl, settings)).AddResilienceHandler("dblp", pipeline => Resilience(pipeline, settings));
        builder.Services.AddHttpClient<OpenAlexClient>(http => Configure(http, settings.OpenAlexBaseUrl, settings)).AddResilienceHandler("openalex", pipeline => Resilience(pipeline, settings));
        builder.Services.AddScoped<IdentifierLookup>();
    }

    private static void Configure(HttpClient http, Uri baseUrl, SourceSettings settings)
    {
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        // The pipeline's own timeouts govern; this only stops a request the pipeline somehow let run on.
        http.Timeout = Total(settings) + TimeSpan.FromSeconds(5);
    }

    private static TimeSpan Total(SourceSettings settings) =>
        (settings.Timeout + settings.MaxRetryAfter + settings.RetryDelay * 8) * (settings.Retries + 1);

    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceSettings settings)
    {
        pipeline
            .AddTimeout(Total(settings))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.Retries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                // A rate limit asking for a short wait is waited out; a longer one is reported, not retried.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited
                    ? SourceFailures.RetryAfter(limited) is not { } wait || wait <= settings.MaxRetryAfter
                    : HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response && SourceFailures.RetryAfter(response) is { } wait
                    ? (TimeSpan?)wait
                    : null),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, settings.Timeout.TotalSeconds * 2)),
                MinimumThroughput = 10,
                FailureRatio = 0.5,
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(settings.Timeout);
    }
}
