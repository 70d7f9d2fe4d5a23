using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
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
            options.Providers.Add(new PageBrotliProvider());
            options.Providers.Add(new PageGzipProvider());
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
            [
                "application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json",
                "application/atom+xml", "image/svg+xml",
            ]);
        });
        return services;
    }

    /// <summary>
    /// Brotli quality for pages. A page is compressed once per render, but every uncached visit is
    /// a render: at the smallest size (quality 11) compressing took most of the CPU time of an
    /// uncached profile, and at quality 5 still a quarter of it (tests/benchmarks/RESULTS.md).
    /// Quality 4, the fastest that still models the text, takes about half of quality 5's time for
    /// pages about 7 % larger, as large as gzip's.
    /// </summary>
    public const int BrotliQuality = 4;

    /// <summary>
    /// A page of at most this many bytes is compressed at <see cref="SmallPageBrotliQuality"/>. Even
    /// that fastest quality brings a page of text to about 9 KB or less (profile pages of 7–22 KB
    /// came to 29 % of their size, against 25 % at quality 4), inside the ten segments (about 14 KB)
    /// a server may send before the visitor's first acknowledgement: the page arrives in the same
    /// round trip either way, so the harder compression would cost every uncached visit CPU time
    /// (quality 4 took about three times as long) and save no visitor any time. Longer pages
    /// (publication lists, CVs) need more round trips, and fewer bytes save them some.
    /// </summary>
    public const int SmallPageBytes = 32 * 1024;

    /// <summary>Brotli quality for pages of at most <see cref="SmallPageBytes"/>: the encoder's one-pass mode.</summary>
    public const int SmallPageBrotliQuality = 1;

    /// <summary>zlib level for pages: the default level, close to the smallest size at a fraction of its time.</summary>
    public const int GzipLevel = 6;

    private sealed class PageBrotliProvider : ICompressionProvider
    {
        public string EncodingName => "br";

        // The page is gathered and compressed in one call at its end (PageBrotliStream), so the
        // middleware's flushes are not passed on.
        public bool SupportsFlush => false;

        public Stream CreateStream(Stream outputStream) => new PageBrotliStream(outputStream, BrotliQuality, SmallPageBrotliQuality, SmallPageBytes);
    }

    private sealed class PageGzipProvider : ICompressionProvider
    {
        public string EncodingName => "gzip";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) =>
            new GZipStream(outputStream, new ZLibCompressionOptions { CompressionLevel = GzipLevel }, leaveOpen: true);
    }

    /// <summary>Compresses the responses of public addresses; goes after UseOutputCache, so what is cached is compressed.</summary>
    public static IApplicationBuilder UsePublicCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !IsPrivate(context.Request.Path), branch => branch.UseResponseCompression());

    public static bool IsPrivate(PathString path)
    {
        foreach (var prefix in PrivatePaths)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

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

    // Every request for a page or an asset asks which encoding it gets, and browsers send a handful
    // of distinct headers: the answers to the first ones seen are kept, so a request served from
    // the cache does not parse its header again. Bounded, since the headers are the client's to write.
    private const int KnownHeadersLimit = 64;
    private static readonly ConcurrentDictionary<string, string> KnownHeaders = new(StringComparer.Ordinal);

    public static string Choose(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count != 1 || acceptEncoding[0] is not { } header)
        {
            return Parse(acceptEncoding);
        }
        if (KnownHeaders.TryGetValue(header, out var known))
        {
            return known;
        }
        var chosen = Parse(acceptEncoding);
        if (KnownHeaders.Count < KnownHeadersLimit)
        {
            KnownHeaders.TryAdd(header, chosen);
        }
        return chosen;
    }

    private static string Parse(StringValues acceptEncoding)
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
