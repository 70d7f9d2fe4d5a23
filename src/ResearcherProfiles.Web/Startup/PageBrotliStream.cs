using System.Buffers;
using System.IO.Compression;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Brotli for a public response as it is rendered. The body is gathered and compressed in one call
/// when the response ends: an encoder that knows the whole input sizes its tables to it, where a
/// streaming one sets them up for a 4 MB window on every page. A body that outgrows
/// <see cref="GatherLimit"/> (a long export) goes on as an ordinary stream from there. Flushes are
/// ignored while gathering: the page is sent once, compressed, which is what the output cache stores.
/// A gathered body of at most <paramref name="smallBodyBytes"/> is compressed at
/// <paramref name="smallBodyQuality"/>, a longer one at <paramref name="quality"/>.
/// </summary>
public sealed class PageBrotliStream(Stream output, int quality, int smallBodyQuality, int smallBodyBytes) : Stream
{
    /// <summary>Every body at <paramref name="quality"/>.</summary>
    public PageBrotliStream(Stream output, int quality)
        : this(output, quality, quality, 0)
    {
    }

    /// <summary>The most a body is gathered before it is compressed as a stream instead.</summary>
    public const int GatherLimit = 1024 * 1024;

    private const int FirstBufferBytes = 16 * 1024;
    private const int Window = 22;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
    private int _length;
    private BrotliStream? _streaming;
    private bool _disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_streaming is null && !Gather(buffer))
        {
            _streaming = StartStreaming();
            _streaming.Write(_buffer!, 0, _length);
            ReturnBuffer();
        }
        _streaming?.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_streaming is null && !Gather(buffer.Span))
        {
            _streaming = StartStreaming();
            await _streaming.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
            ReturnBuffer();
        }
        if (_streaming is not null)
        {
            await _streaming.WriteAsync(buffer, cancellationToken);
        }
    }

    /// <summary>Adds the bytes to the gathered body; false when that would pass the limit.</summary>
    private bool Gather(ReadOnlySpan<byte> bytes)
    {
        if (_length + (long)bytes.Length > GatherLimit)
        {
            return false;
        }
        if (_length + bytes.Length > _buffer!.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        return true;
    }

    /// <summary>The encoder a body too long to gather goes on with; the caller hands it what was gathered.</summary>
    private BrotliStream StartStreaming() =>
        new(output, new BrotliCompressionOptions { Quality = quality }, leaveOpen: true);

    public override void Flush()
    {
        // Nothing to send until the end while gathering; a streaming body flushes its encoder.
        _streaming?.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _streaming?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            try
            {
                if (_streaming is not null)
                {
                    await _streaming.DisposeAsync();
                }
                else
                {
                    var compressed = Compress(out var written);
                    try
                    {
                        await output.WriteAsync(compressed.AsMemory(0, written));
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(compressed);
                    }
                }
            }
            finally
            {
                ReturnBuffer();
            }
        }
        // Stream's own DisposeAsync: Dispose(true), which finds the work done.
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (_streaming is not null)
                {
                    _streaming.Dispose();
                }
                else
                {
                    var compressed = Compress(out var written);
                    try
                    {
                        output.Write(compressed, 0, written);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(compressed);
                    }
                }
            }
            finally
            {
                ReturnBuffer();
            }
        }
        base.Dispose(disposing);
    }

    /// <summary>The gathered body compressed in one call, in a rented array the caller returns.</summary>
    private byte[] Compress(out int written)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(_length));
        if (!BrotliEncoder.TryCompress(_buffer.AsSpan(0, _length), compressed, out written, _length <= smallBodyBytes ? smallBodyQuality : quality, Window))
        {
            ArrayPool<byte>.Shared.Return(compressed);
            throw new InvalidOperationException("Brotli could not compress a page within its largest compressed length.");
        }
        return compressed;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
