using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ResearcherProfiles.BrowserTests;

/// <summary>Small, valid images made on the spot, so the tests need no binary files.</summary>
public static class TestImages
{
    /// <summary>A PNG of <paramref name="width"/> by <paramref name="height"/> pixels in one RGB colour.</summary>
    public static byte[] Png(int width, int height, byte red = 0x2a, byte green = 0x6f, byte blue = 0x97)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB; compression, filter and interlace stay 0
        WriteChunk(png, "IHDR", header);

        // Each scanline: filter type 0, then the pixels.
        var raw = new byte[height * (1 + (3 * width))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (3 * width));
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (3 * x)] = red;
                raw[row + 2 + (3 * x)] = green;
                raw[row + 3 + (3 * x)] = blue;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks end with (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
