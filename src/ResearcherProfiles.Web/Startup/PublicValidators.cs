using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Validators for the public site's answers: an <c>ETag</c> (a hash of the bytes sent, so each
/// encoding of a page has its own), a <c>Last-Modified</c> (when the page was rendered) and a
/// <c>Content-Length</c> instead of chunked encoding. The output cache keeps them with the page and
/// answers a matching <c>If-None-Match</c> or <c>If-Modified-Since</c> with 304 Not Modified; a
/// freshly rendered page is checked here. Sits between the output cache and the compression, so
/// what it hashes is what is stored and sent.
/// </summary>
public static class PublicValidators
{
    public static IApplicationBuilder UsePublicValidators(this IApplicationBuilder app) =>
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && !PublicCompression.IsPrivate(context.Request.Path),
            branch => branch.Use(AddValidatorsAsync));

    private static async Task AddValidatorsAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag) && !IsPrivate(response))
        {
            var tag = new EntityTagHeaderValue(TagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            response.GetTypedHeaders().ETag = tag;
            response.GetTypedHeaders().LastModified ??= TruncatedToSeconds(DateTimeOffset.UtcNow);
            if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
                && ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ContentType = default;
                response.Headers.ContentLength = null;
                return;
            }
        }
        // An empty answer stays without a length: the status-code pages then fill in a 404's body.
        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>A strong entity tag for <paramref name="bytes"/>: the first 128 bits of their SHA-256, quoted.</summary>
    public static string TagOf(ReadOnlySpan<byte> bytes)
    {
        var hash = SHA256.HashData(bytes);
        return $"\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>Answers for one person (the owner's backup) carry no shared validators.</summary>
    private static bool IsPrivate(HttpResponse response) =>
        response.Headers.CacheControl.Any(v => v is not null && (v.Contains("private", StringComparison.OrdinalIgnoreCase) || v.Contains("no-store", StringComparison.OrdinalIgnoreCase)));

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
}
