using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ResearcherProfiles.Web.Sources;

/// <summary>Failures of an outside service as sentences for the researcher.</summary>
internal static class SourceFailures
{
    public static string ForStatus(string service, HttpResponseMessage response, string notFound) => response.StatusCode switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.Gone => notFound,
        HttpStatusCode.TooManyRequests => RetryAfter(response) is { } wait
            ? $"{service} is receiving too many requests and asks to wait {Math.Ceiling(wait.TotalSeconds):0} s; try again later."
            : $"{service} is receiving too many requests; try again later.",
        _ => $"{service} answered with an error (HTTP {(int)response.StatusCode}); try again later.",
    };

    /// <summary>The message for an exception the HTTP pipeline throws, or null when it is not one (then it is a bug, not an outage).</summary>
    public static string? ForException(string service, Exception e, TimeSpan timeout) => e switch
    {
        TimeoutRejectedException or TaskCanceledException => $"{service} did not answer in {timeout.TotalSeconds:0} s; try again later.",
        BrokenCircuitException => $"{service} failed several times just now, so it is not being asked for a while; try again in a minute.",
        HttpRequestException => $"{service} could not be reached; try again later.",
        FormatException => $"{service} sent an answer that could not be read; try again later.",
        _ => null,
    };

    /// <summary>How long a 429 or 503 answer asks to wait, from its Retry-After header.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
