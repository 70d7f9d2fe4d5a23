using SkiaSharp;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// Re-encodes an uploaded photo. Decoding to pixels and encoding again drops everything a camera
/// or phone stores beside them (EXIF with GPS position, device serials, XMP, comments); the EXIF
/// orientation is applied to the pixels first, so the photo still stands the right way up. The
/// format stays what it was (JPEG, PNG or WebP; an animation keeps its first frame), and photos
/// larger than a profile needs are scaled down.
/// </summary>
public static class PhotoImages
{
    /// <summary>The most pixels on either side of an upload; its size is read before any pixel is decoded.</summary>
    public const int MaxSide = 8000;

    /// <summary>The most pixels in all (width × height) of an upload.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Stored photos are at most this many pixels on their longer side.</summary>
    public const int StoredLongSide = 1600;

    private const int Quality = 88;

    /// <summary>The re-encoded photo, or why it was refused (a sentence for the person who uploaded it).</summary>
    public sealed record Result(byte[]? Content, string? Error);

    public static Result Reencode(Stream upload, PhotoFormat format)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(format);
        using var codec = SKCodec.Create(upload);
        if (codec is null)
        {
            return new Result(null, UnreadableMessage);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            return new Result(null, UnreadableMessage);
        }
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return new Result(null, TooManyPixelsMessage(width, height));
        }

        var (pixels, status) = Decode(codec);
        using var decoded = pixels;
        if (decoded is null)
        {
            return new Result(null, status == SKCodecResult.IncompleteInput ? IncompleteMessage : UnreadableMessage);
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var stored = ScaleDown(upright ?? decoded);
        using var image = SKImage.FromBitmap(stored ?? upright ?? decoded);
        var encodedFormat = format == PhotoFiles.Png ? SKEncodedImageFormat.Png
            : format == PhotoFiles.WebP ? SKEncodedImageFormat.Webp
            : SKEncodedImageFormat.Jpeg;
        using var data = image.Encode(encodedFormat, Quality);
        return data is null ? new Result(null, UnreadableMessage) : new Result(data.ToArray(), null);
    }

    public const string UnreadableMessage = "The photo could not be read as an image. Choose another file.";

    public const string IncompleteMessage = "The photo file ends before its image does (it may not have finished downloading or copying). Upload the whole file, or choose another.";

    public static string TooManyPixelsMessage(int width, int height) =>
        $"The photo is {width:N0} × {height:N0} pixels; photos may be at most {MaxSide:N0} pixels on a side and {MaxPixels / 1_000_000} megapixels. Choose a smaller image.";

    /// <summary>
    /// The first frame as pixels, or null with the decoder's reason when it could not be read
    /// whole. A file cut short decodes as far as it goes, the rest blank (a header alone, as a
    /// blank image of the size it claims): that is refused too, rather than stored as the photo.
    /// </summary>
    private static (SKBitmap? Pixels, SKCodecResult Status) Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return (bitmap, result);
        }
        bitmap.Dispose();
        return (null, result);
    }

    /// <summary>The pixels turned as EXIF orientation says; null when they stand as stored.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    /// <summary>A copy at most <see cref="StoredLongSide"/> pixels on its longer side; null when it is small enough already.</summary>
    private static SKBitmap? ScaleDown(SKBitmap source)
    {
        var longSide = Math.Max(source.Width, source.Height);
        if (longSide <= StoredLongSide)
        {
            return null;
        }
        var scale = (double)StoredLongSide / longSide;
        var info = new SKImageInfo(
            Math.Max(1, (int)Math.Round(source.Width * scale)),
            Math.Max(1, (int)Math.Round(source.Height * scale)),
            source.ColorType, source.AlphaType);
        return source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }
}
