using System.Globalization;
using System.Text;
using System.Xml;

namespace ResearcherProfiles.Web.Feeds;

/// <summary>Text and dates as the sitemap and Atom formats take them.</summary>
public static class XmlText
{
    /// <summary>
    /// The text without the characters XML cannot carry (most control characters): a stray one in a
    /// news item or a paper's title must not make the whole feed unreadable, nor the answer a 500.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlCharAt(text, i, out var width))
            {
                firstBad = i;
                break;
            }
            i += width - 1;
        }
        if (firstBad < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsXmlCharAt(text, i, out var width))
            {
                clean.Append(text, i, width);
            }
            i += width - 1;
        }
        return clean.ToString();
    }

    private static bool IsXmlCharAt(string text, int index, out int width)
    {
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return XmlConvert.IsXmlSurrogatePair(text[index + 1], text[index]);
        }
        width = 1;
        return XmlConvert.IsXmlChar(text[index]);
    }

    /// <summary>A moment as a W3C datetime (RFC 3339) in UTC to the second: 2024-05-01T09:30:00Z.</summary>
    public static string Timestamp(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writer settings shared by the feeds and sitemaps: UTF-8 without a byte-order mark, as the charset of their Content-Type says.</summary>
    public static XmlWriterSettings WriterSettings(bool async) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Async = async,
        Indent = false,
    };
}
