using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Images made in code for the upload tests: no binary fixtures.</summary>
public static class TestImages
{
    /// <summary>An image of <paramref name="width"/> by <paramref name="height"/> pixels, a light top half over a dark bottom half.</summary>
    public static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x20, 0x40, 0x60));
            using var paint = new SKPaint { Color = new SKColor(0xf0, 0xe0, 0xd0) };
            canvas.DrawRect(0, 0, width, height / 2f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static (int Width, int Height, SKEncodedImageFormat Format) Describe(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image)) ?? throw new InvalidOperationException("Not an image.");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat);
    }

    /// <summary>
    /// A JPEG carrying an EXIF block as a phone writes one: a description, an orientation
    /// (6: turn 90° clockwise to display) and a GPS position (51° 30' N).
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, string description)
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg, width, height);
        var exif = ExifBlock(description);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);
        // After SOI and, if present, the JFIF APP0 segment.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }
        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }

    private static byte[] ExifBlock(string description)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var descriptionOffset = 8 + 2 + (3 * 12) + 4;
        var gpsOffset = descriptionOffset + text.Length + (text.Length % 2);
        var rationalsOffset = gpsOffset + 2 + (2 * 12) + 4;
        var tiff = new byte[rationalsOffset + 24];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);

        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 3);
        Entry(span[10..], 0x010E, 2, (uint)text.Length, (uint)descriptionOffset);
        Entry(span[22..], 0x0112, 3, 1, 6u << 16);
        Entry(span[34..], 0x8825, 4, 1, (uint)gpsOffset);
        text.CopyTo(span[descriptionOffset..]);

        BinaryPrimitives.WriteUInt16BigEndian(span[gpsOffset..], 2);
        Entry(span[(gpsOffset + 2)..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(span[(gpsOffset + 14)..], 0x0002, 5, 3, (uint)rationalsOffset);
        uint[] rationals = [51, 1, 30, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(rationalsOffset + (4 * i))..], rationals[i]);
        }
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    /// <summary>A small PNG whose header claims <paramref name="width"/> by <paramref name="height"/> pixels.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Encode(SKEncodedImageFormat.Png, 1, 1);
        // IHDR's data starts after the 8-byte signature and the chunk's length and type; its CRC follows the 13 data bytes.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
