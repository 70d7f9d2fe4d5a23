using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace ResearcherProfiles.Web.Pages;

/// <summary>Schema.org JSON-LD as a page's head carries it (see <see cref="PageHead.JsonLd"/>).</summary>
public static class StructuredData
{
    // The JavaScript encoder escapes '<', '>', '&' and quotes whatever ranges it allows, so no value
    // can close the <script> element the JSON is written into or open a comment in it; every other
    // character stays readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The JSON, safe to write unencoded inside &lt;script type="application/ld+json"&gt;.</summary>
    public static string ForScript(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(Options);
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };

    /// <summary>The JSON <paramref name="write"/> writes (one value), escaped as <see cref="ForScript(JsonNode)"/> escapes it.</summary>
    public static string ForScript(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An instant as schema.org dates it: ISO 8601 in UTC, to the second.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
