using System.Globalization;
using System.IO.Compression;
using System.Text;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// A public response's Brotli: gathered and compressed in one call at its end, and streamed once it
/// is too long to gather, without a synchronous write to a response body that refuses them.
/// </summary>
public sealed class PageBrotliStreamTests
{
    /// <summary>A response body as Kestrel's is: asynchronous writes only.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public int Writes { get; private set; }

        public override long Length => _written.Length;

        public byte[] ToArray() => _written.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static byte[] Page(int bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<li class=\"paper\"><a href=\"/papers/{i}\">Paper {i} on rivers, lakes and the sea</a> — Jürgen Müller, 李明</li>\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString(0, bytes));
    }

    private static byte[] Decompress(byte[] body)
    {
        using var brotli = new BrotliStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        brotli.CopyTo(plain);
        return plain.ToArray();
    }

    [Fact]
    public async Task A_page_written_in_pieces_is_sent_once_compressed_when_it_ends()
    {
        var page = Page(40_000);
        var output = new AsyncOnlyStream();

        var brotli = new PageBrotliStream(output, PublicCompression.BrotliQuality);
        await brotli.WriteAsync(page.AsMemory(0, 1000));
        brotli.Write(page, 1000, 9000);
        await brotli.FlushAsync();
        await brotli.WriteAsync(page.AsMemory(10_000));
        Assert.Equal(0, output.Length);
        await brotli.DisposeAsync();

        Assert.Equal(1, output.Writes);
        Assert.Equal(page, Decompress(output.ToArray()));
        Assert.True(output.Length * 5 < page.Length, $"{output.Length} bytes compressed against {page.Length}");
    }

    [Theory]
    [InlineData(PublicCompression.SmallPageBytes, PublicCompression.SmallPageBrotliQuality)]
    [InlineData(PublicCompression.SmallPageBytes + 1, PublicCompression.BrotliQuality)]
    [InlineData(200_000, PublicCompression.BrotliQuality)]
    public async Task A_small_page_is_compressed_at_the_fast_quality_and_a_longer_one_harder(int bytes, int quality)
    {
        // Exactly that many bytes (the page's text has letters of two and three bytes).
        var page = Page(bytes)[..bytes];
        var output = new AsyncOnlyStream();
        var expected = new byte[BrotliEncoder.GetMaxCompressedLength(page.Length)];
        Assert.True(BrotliEncoder.TryCompress(page, expected, out var expectedLength, quality, 22));

        var brotli = new PageBrotliStream(output, PublicCompression.BrotliQuality, PublicCompression.SmallPageBrotliQuality, PublicCompression.SmallPageBytes);
        await brotli.WriteAsync(page.AsMemory(0, bytes / 2));
        await brotli.WriteAsync(page.AsMemory(bytes / 2));
        await brotli.DisposeAsync();

        Assert.Equal(expected.AsSpan(0, expectedLength).ToArray(), output.ToArray());
        Assert.Equal(page, Decompress(output.ToArray()));
    }

    [Fact]
    public async Task An_empty_body_is_still_valid_brotli()
    {
        var output = new AsyncOnlyStream();

        await new PageBrotliStream(output, PublicCompression.BrotliQuality).DisposeAsync();

        Assert.Empty(Decompress(output.ToArray()));
    }

    [Fact]
    public async Task A_body_too_long_to_gather_is_streamed_with_asynchronous_writes_only()
    {
        // Bytes that do not compress, well past what is gathered: the gathered start and the streamed rest must join.
        var page = new byte[PageBrotliStream.GatherLimit * 3 + 12345];
        new Random(7).NextBytes(page);
        var output = new AsyncOnlyStream();

        var brotli = new PageBrotliStream(output, PublicCompression.BrotliQuality);
        for (var at = 0; at < page.Length; at += 60_000)
        {
            await brotli.WriteAsync(page.AsMemory(at, Math.Min(60_000, page.Length - at)));
        }
        await brotli.FlushAsync();
        await brotli.DisposeAsync();

        Assert.Equal(page, Decompress(output.ToArray()));
    }

    [Fact]
    public void Disposed_synchronously_it_writes_the_same_body()
    {
        var page = Page(20_000);
        var output = new MemoryStream();

        using (var brotli = new PageBrotliStream(output, PublicCompression.BrotliQuality))
        {
            brotli.Write(page);
        }

        Assert.Equal(page, Decompress(output.ToArray()));
        var closed = new PageBrotliStream(new MemoryStream(), PublicCompression.BrotliQuality);
        closed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => closed.Write(page));
    }
}
