using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The public pages asked for right now, answered in front of the whole pipeline. A page the output
/// cache has just served (it carries an Age) is kept here as it was sent — status, headers and
/// compressed body — for <see cref="Lifetime"/>; the same request in that moment (same address,
/// query and encoding, no cookies, no conditions) gets those bytes without routing, the output
/// cache's lookup and its work per request, about a quarter of the time of a cached page.
/// Every eviction of cached pages on this instance (<see cref="HotPagesStore"/>) empties it at once,
/// and a page that was being read while an eviction ran is not kept. With Redis, where another
/// instance's edit evicts the shared cache, that instance says so on a Redis channel and every
/// instance empties its hot pages on hearing it (<see cref="HotPagesOverRedis"/>); while this
/// instance is not listening, it keeps none.
/// </summary>
public sealed class HotPages(TimeProvider time)
{
    /// <summary>How long a page is answered from here before the output cache is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // Pages are kept compressed (3-10 KB each on a generated site), so this holds hundreds.
    private const long MaxBytes = 4 * 1024 * 1024;
    private const int MaxPages = 512;
    private const int MaxPageBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private long _bytes;
    private long _generation;

    private sealed record Page(int StatusCode, KeyValuePair<string, StringValues>[] Headers, byte[] Body, long ExpiresAt);

    private volatile bool _enabled = true;

    /// <summary>
    /// Whether pages are kept and answered from here: always with the instance's own cache; with
    /// Redis, only while this instance hears of every other instance's evictions. Turned off, it
    /// drops what it holds.
    /// </summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            if (!value)
            {
                Clear();
            }
        }
    }

    public int Count => _pages.Count;

    /// <summary>Drops every page; pages being read meanwhile are not kept either.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        foreach (var entry in _pages)
        {
            Remove(entry);
        }
    }

    private bool TryGet(string key, out Page page)
    {
        if (_pages.TryGetValue(key, out page!))
        {
            if (time.GetTimestamp() < page.ExpiresAt)
            {
                return true;
            }
            Remove(new(key, page));
        }
        return false;
    }

    private void TryKeep(string key, Page page, long generation)
    {
        if ((_pages.Count >= MaxPages || Interlocked.Read(ref _bytes) + page.Body.Length > MaxBytes) && !MadeRoom(page.Body.Length))
        {
            return;
        }
        if (!_pages.TryAdd(key, page))
        {
            return;
        }
        Interlocked.Add(ref _bytes, page.Body.Length);
        // An eviction that began after the page was read: it may have missed this page, so drop it here.
        if (Interlocked.Read(ref _generation) != generation)
        {
            Remove(new(key, page));
        }
    }

    /// <summary>Drops the pages past their time; whether that left room for <paramref name="bytes"/> more.</summary>
    private bool MadeRoom(int bytes)
    {
        var now = time.GetTimestamp();
        foreach (var entry in _pages)
        {
            if (now >= entry.Value.ExpiresAt)
            {
                Remove(entry);
            }
        }
        return _pages.Count < MaxPages && Interlocked.Read(ref _bytes) + bytes <= MaxBytes;
    }

    private void Remove(KeyValuePair<string, Page> entry)
    {
        if (_pages.TryRemove(entry))
        {
            Interlocked.Add(ref _bytes, -entry.Value.Body.Length);
        }
    }

    /// <summary>Answers from a kept page, or runs the rest of the site and keeps what the output cache served.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!Enabled || !IsPlain(request))
        {
            await next(context);
            return;
        }
        var key = KeyOf(request);
        if (TryGet(key, out var page))
        {
            await SendAsync(context.Response, page, context.RequestAborted);
            return;
        }

        var generation = Interlocked.Read(ref _generation);
        var body = context.Features.Get<IHttpResponseBodyFeature>();
        if (body is null)
        {
            await next(context);
            return;
        }
        await using var copy = new CopyingStream(body.Stream, context.Response);
        var feature = new StreamResponseBodyFeature(copy, body);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            await feature.CompleteAsync();
        }
        finally
        {
            context.Features.Set(body);
        }
        var response = context.Response;
        if (copy.Copied is { } sent && !context.RequestAborted.IsCancellationRequested && response.ContentLength == sent.Length
            && CameFromTheOutputCache(response))
        {
            TryKeep(key, new Page(
                response.StatusCode,
                [.. response.Headers],
                sent,
                time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency)), generation);
        }
    }

    /// <summary>A 200 the output cache served (it says how old the page is), setting no cookie.</summary>
    private static bool CameFromTheOutputCache(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK && response.Headers.ContainsKey(HeaderNames.Age) && !response.Headers.ContainsKey(HeaderNames.SetCookie);

    /// <summary>
    /// A visitor's plain GET of a public address (a HEAD arrives here as GET, see PublicSiteExtensions.RefuseOtherMethods): no cookie (nobody signed in, no form),
    /// no authorization, no condition or range (those go through the output cache, which answers
    /// them), so the page is the one everyone gets.
    /// </summary>
    private static bool IsPlain(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || PublicCompression.IsPrivate(request.Path))
        {
            return false;
        }
        var headers = request.Headers;
        return !headers.ContainsKey(HeaderNames.Cookie) && !headers.ContainsKey(HeaderNames.Authorization)
            && !headers.ContainsKey(HeaderNames.IfNoneMatch) && !headers.ContainsKey(HeaderNames.IfModifiedSince)
            && !headers.ContainsKey(HeaderNames.IfMatch) && !headers.ContainsKey(HeaderNames.IfUnmodifiedSince)
            && !headers.ContainsKey(HeaderNames.IfRange) && !headers.ContainsKey(HeaderNames.Range);
    }

    /// <summary>What the output cache tells pages apart by (PublicPagesPolicy): the address with its whole query, and the encoding.</summary>
    private static string KeyOf(HttpRequest request) =>
        string.Concat(PublicCompression.Choose(request.Headers.AcceptEncoding), " ", request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);

    private static async Task SendAsync(HttpResponse response, Page page, CancellationToken ct)
    {
        response.StatusCode = page.StatusCode;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }
        await response.BodyWriter.WriteAsync(page.Body, ct);
    }

    /// <summary>
    /// Passes a response's body on unchanged, and copies it when the output cache is what sent it:
    /// a 200 with an Age, no cookie set, and not larger than a page is kept.
    /// </summary>
    private sealed class CopyingStream(Stream inner, HttpResponse response) : Stream
    {
        private MemoryStream? _copy;
        private bool _decided;

        /// <summary>The whole body, when it was copied.</summary>
        public byte[]? Copied => _copy is { Length: <= MaxPageBytes } ? _copy.ToArray() : null;

        private void Copy(ReadOnlySpan<byte> bytes)
        {
            if (!_decided)
            {
                _decided = true;
                if (CameFromTheOutputCache(response) && response.ContentLength is > 0 and <= MaxPageBytes)
                {
                    _copy = new MemoryStream((int)response.ContentLength.Value);
                }
            }
            if (_copy is not null && _copy.Length + bytes.Length <= MaxPageBytes)
            {
                _copy.Write(bytes);
            }
            else
            {
                _copy = null;
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Copy(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Copy(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
