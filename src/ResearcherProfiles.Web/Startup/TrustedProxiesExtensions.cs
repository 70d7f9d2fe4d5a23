using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are honoured only from the reverse proxies named in
/// "ForwardedHeaders:KnownProxies" (addresses) or "ForwardedHeaders:KnownNetworks" (CIDR ranges),
/// both comma separated. With neither set the headers are ignored, even from loopback: otherwise
/// any client could choose its own address (and dodge the per-address sign-in limit) or scheme.
/// </summary>
public static class TrustedProxiesExtensions
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    private sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks)
    {
        public bool Any => Proxies.Count > 0 || Networks.Count > 0;
    }

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var trusted = new TrustedProxies(
            Parse<IPAddress>(builder.Configuration[KnownProxiesKey], KnownProxiesKey, "an IP address such as 10.0.0.2", IPAddress.TryParse),
            Parse<System.Net.IPNetwork>(builder.Configuration[KnownNetworksKey], KnownNetworksKey, "a CIDR range such as 10.0.0.0/8", System.Net.IPNetwork.TryParse));
        builder.Services.AddSingleton(trusted);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds the loopback default in some versions: empty it too.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in trusted.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in trusted.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>Applies forwarded headers from trusted proxies; with none configured, does nothing at all.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        // ForwardedHeadersMiddleware trusts every sender when both lists are empty, so without a
        // configured proxy it must not run.
        if (!app.Services.GetRequiredService<TrustedProxies>().Any)
        {
            return app;
        }
        app.Use((context, next) =>
        {
            // Only http and https become the request's scheme; "javascript" or anything else is dropped.
            var proto = context.Request.Headers[ForwardedHeadersDefaults.XForwardedProtoHeaderName];
            if (proto.Count > 0 && !proto.SelectMany(v => (v ?? string.Empty).Split(','))
                    .All(p => p.Trim() is var s && (s.Equals("http", StringComparison.OrdinalIgnoreCase) || s.Equals("https", StringComparison.OrdinalIgnoreCase))))
            {
                context.Request.Headers.Remove(ForwardedHeadersDefaults.XForwardedProtoHeaderName);
            }
            return next(context);
        });
        app.UseForwardedHeaders();
        return app;
    }

    private delegate bool TryParser<T>(string text, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value);

    private static List<T> Parse<T>(string? setting, string key, string example, TryParser<T> tryParse)
    {
        var values = new List<T>();
        foreach (var item in (setting ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!tryParse(item, out var value))
            {
                throw new InvalidOperationException($"{key} is a comma-separated list in which each item is {example}; '{item}' is not.");
            }
            values.Add(value);
        }
        return values;
    }
}
