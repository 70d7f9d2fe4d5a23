using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The site's stylesheet and scripts in Brotli or gzip: each file is compressed once, the first time
/// it is asked for (again only when the file changes), kept in memory, and sent with its own ETag and
/// the same caching rule as every static file. Other files, and browsers that accept neither encoding,
/// go on to the static-file handler.
/// </summary>
public static class PrecompressedAssets
{
    private static readonly string[] Extensions = [".css", ".js", ".mjs", ".svg", ".json", ".txt", ".map"];

    /// <summary>Larger files are left to the static-file handler rather than held in memory.</summary>
    private const long MaxFileBytes = 2 * 1024 * 1024;

    private sealed record Compressed(byte[] Body, string ETag);

    private sealed record Variants(DateTimeOffset LastModified, long Length, string ContentType, Compressed Brotli, Compressed Gzip);

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IApplicationBuilder UsePrecompressedAssets(this IApplicationBuilder app, Action<HttpContext> setCacheHeaders)
    {
        ArgumentNullException.ThrowIfNull(app);
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        var cache = new ConcurrentDictionary<string, Variants>(StringComparer.Ordinal);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || path is null
                || !Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var encoding = PublicCompression.Choose(request.Headers.AcceptEncoding);
            var file = environment.WebRootFileProvider.GetFileInfo(path);
            if (encoding == "identity" || !file.Exists || file.IsDirectory || file.Length > MaxFileBytes
                || !ContentTypes.TryGetContentType(path, out var contentType))
            {
                await next(context);
                return;
            }
            var variants = cache.TryGetValue(path, out var known) && known.LastModified == file.LastModified && known.Length == file.Length
                ? known
                : cache[path] = await CompressAsync(file, contentType, context.RequestAborted);
            var chosen = encoding == "br" ? variants.Brotli : variants.Gzip;

            var response = context.Response;
            setCacheHeaders(context);
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            response.Headers.ETag = chosen.ETag;
            response.GetTypedHeaders().LastModified = variants.LastModified;
            if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(t => t.Tag == chosen.ETag || t.Equals(EntityTagHeaderValue.Any)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = variants.ContentType;
            response.Headers.ContentEncoding = encoding;
            response.ContentLength = chosen.Body.Length;
            if (HttpMethods.IsGet(request.Method))
            {
                await response.Body.WriteAsync(chosen.Body, context.RequestAborted);
            }
        });
    }

    private static async Task<Variants> CompressAsync(Microsoft.Extensions.FileProviders.IFileInfo file, string contentType, CancellationToken ct)
    {
        using var original = new MemoryStream();
        await using (var read = file.CreateReadStream())
        {
            await read.CopyToAsync(original, ct);
        }
        var bytes = original.ToArray();
        return new Variants(file.LastModified, file.Length, contentType,
            Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)),
            Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)));
    }

    private static Compressed Compress(byte[] bytes, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(bytes);
        }
        var body = output.ToArray();
        return new Compressed(body, PublicValidators.TagOf(body));
    }
}
