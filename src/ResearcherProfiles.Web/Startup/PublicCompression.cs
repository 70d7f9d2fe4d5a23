using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Brotli or gzip for the public site's pages, feeds, exports and scripts' data. The compression
/// sits inside the output cache, so a page is compressed once when it is rendered and stored that
/// way, one copy per encoding (<see cref="EncodingKey"/>), never again per request. Pages behind a
/// sign-in (editor, account, administration, setup) are sent as they are: they carry antiforgery
/// tokens next to text a visitor can influence, which compression would let an attacker guess at.
/// </summary>
public static class PublicCompression
{
    private static readonly string[] Encodings = ["br", "gzip"];

    /// <summary>The signed-in parts of the site: the only addresses that take forms, and never compressed or cached.</summary>
    public static readonly IReadOnlyList<string> PrivatePaths = ["/edit", "/account", "/admin", "/setup"];

    public static IServiceCollection AddPublicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS here: only public pages, which hold no secrets, are compressed (see UsePublicCompression).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
            [
                "application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json",
                "application/atom+xml", "image/svg+xml",
            ]);
        });
        // A page is compressed once and then served from the cache many times: worth the better ratio.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        return services;
    }

    /// <summary>Compresses the responses of public addresses; goes after UseOutputCache, so what is cached is compressed.</summary>
    public static IApplicationBuilder UsePublicCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !IsPrivate(context.Request.Path), branch => branch.UseResponseCompression());

    public static bool IsPrivate(PathString path) =>
        PrivatePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The output cache's key part for the encoding a request will be answered in: the accepted
    /// encoding with the highest quality ("br" first when equal), or "identity". Requests that would
    /// be answered alike share one cached copy, however their Accept-Encoding headers are written.
    /// </summary>
    public static KeyValuePair<string, string> EncodingKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new("encoding", IsPrivate(context.Request.Path) ? "identity" : Choose(context.Request.Headers.AcceptEncoding));
    }

    public static string Choose(IEnumerable<string?> acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding.Where(v => v is not null).Select(v => v!).ToList(), out var values) || values.Count == 0)
        {
            return "identity";
        }
        double QualityOf(string encoding) =>
            values.Where(v => string.Equals(v.Value.Value, encoding, StringComparison.OrdinalIgnoreCase)).Select(v => v.Quality ?? 1).DefaultIfEmpty(
                values.Where(v => v.Value.Value == "*").Select(v => v.Quality ?? 1).DefaultIfEmpty(0).Max()).Max();
        var best = Encodings.Select((encoding, order) => (Encoding: encoding, Quality: QualityOf(encoding), Order: order))
            .Where(e => e.Quality > 0)
            .OrderByDescending(e => e.Quality).ThenBy(e => e.Order)
            .FirstOrDefault();
        var identity = values.Where(v => string.Equals(v.Value.Value, "identity", StringComparison.OrdinalIgnoreCase)).Select(v => v.Quality ?? 1).DefaultIfEmpty(0).Max();
        return best.Encoding is null || identity > best.Quality ? "identity" : best.Encoding;
    }
}
