using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Health for orchestrators and proxies. <c>/healthz/live</c>: the process answers (no checks; a
/// failure means restart it). <c>/healthz/ready</c>: it can serve pages — every check tagged
/// "ready" (the database; Redis when configured; else, on PostgreSQL, hearing the other instances'
/// evictions) passes; the answer lists each check, and a failing one makes it 503, so a proxy sends
/// no visitors there. Redis and the evictions fail as Degraded, still 200: without Redis pages are
/// served uncached (see <see cref="SharedPageCache"/>), without the evictions from the instance's
/// own cache (see <see cref="EvictionsOverPostgres"/>). <c>/healthz</c> is the readiness answer in
/// one word, for the container's HEALTHCHECK.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = IsReadiness });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = IsReadiness, ResponseWriter = WriteDetailsAsync });
        return app;
    }

    private static bool IsReadiness(HealthCheckRegistration check) => check.Tags.Contains(ReadyTag);

    /// <summary>{"status":"Healthy","checks":{"database":"Healthy","redis":"Healthy"}}: names and states only, never exception text.</summary>
    private static Task WriteDetailsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
