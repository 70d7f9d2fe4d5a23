using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Limits how often one client address may submit the account forms (sign-in, password reset,
/// invitation acceptance, first-start setup), against password guessing and mail flooding.
/// Settings: "RateLimiting:Accounts:PermitLimit" POSTs per "RateLimiting:Accounts:WindowSeconds".
/// With ConnectionStrings:Redis the count is kept in Redis, and without it on PostgreSQL in the
/// database, so several instances share one limit; on SQLite the one instance counts on its own.
/// </summary>
public static class RateLimitingExtensions
{
    public const string Section = "RateLimiting:Accounts";
    public const int DefaultPermitLimit = 10;
    public const int DefaultWindowSeconds = 60;

    public static WebApplicationBuilder AddAccountsRateLimiting(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var permitLimit = section.GetValue("PermitLimit", DefaultPermitLimit);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", DefaultWindowSeconds));
        var keyPrefix = SharedPageCache.InstanceName(builder.Configuration) + "rate:accounts:";
        if (SharedPageCache.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IWindowCounter>(services => new RedisWindowCounter(services.GetRequiredService<RedisConnection>()));
        }
        else if (DatabaseProviders.Configured(builder.Configuration) == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton<IWindowCounter>(services => new PostgresWindowCounter(
                services.GetRequiredService<IDbContextFactory<AppDbContext>>(), TimeProvider.System));
        }

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(AccountsExtensions.AccountsRateLimitPolicy, context =>
                // Only submissions cost anything worth limiting; showing the forms stays free.
                !HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : context.RequestServices.GetService<IWindowCounter>() is { } counter
                        ? RateLimitPartition.Get(ClientKey(context), client => new SharedFixedWindowLimiter(
                            counter, keyPrefix + client, permitLimit, window, context.RequestServices.GetRequiredService<ILogger<SharedFixedWindowLimiter>>()))
                        : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = permitLimit,
                            Window = window,
                            QueueLimit = 0,
                        }));
        });
        return builder;
    }

    /// <summary>The client address (after forwarded headers); clients without one share a partition.</summary>
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? Normalize(address).ToString() : "unknown";

    // IPv6 clients usually control a whole /64, so they are limited per /64, not per address.
    private static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address;
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : DefaultWindowSeconds;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        // Written here rather than through the layout: the request is refused before any page runs.
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Too many attempts</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main" class="site-main">
            <div class="form-page">
            <h1>Too many attempts</h1>
            <p>This address has sent too many requests. Wait {seconds} seconds, then go back and try again.</p>
            </div>
            </main>
            </body>
            </html>
            """, ct);
    }
}
