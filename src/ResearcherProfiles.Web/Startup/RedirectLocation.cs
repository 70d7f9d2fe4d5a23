using System.Text;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A local address as a Location header can carry it. An address typed or linked with characters
/// beyond ASCII ("/。x", a right-to-left mark) is a valid local address, but the server may only
/// send ASCII in a header; such characters (and spaces and controls) are sent percent-encoded as
/// UTF-8, which a browser reads as the same address.
/// </summary>
public static class RedirectLocation
{
    public static string Encode(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.Any(NeedsEncoding))
        {
            return url;
        }
        var encoded = new StringBuilder(url.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && !NeedsEncoding((char)rune.Value))
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    private static bool NeedsEncoding(char c) => c <= ' ' || c >= '\u007F';
}
