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
        // Every uncached profile and paper page writes its JSON-LD: each thread keeps one buffer and
        // writer for it (taken while in use, so a nested call gets its own), unless a page's JSON was
        // unusually large.
        var kept = Kept ?? new KeptWriter();
        Kept = null;
        try
        {
            kept.Writer.Reset(kept.Buffer);
            write(kept.Writer);
            kept.Writer.Flush();
            return Encoding.UTF8.GetString(kept.Buffer.WrittenSpan);
        }
        finally
        {
            kept.Buffer.ResetWrittenCount();
            if (kept.Buffer.Capacity <= KeptBytes)
            {
                Kept = kept;
            }
        }
    }

    private const int KeptBytes = 64 * 1024;

    [ThreadStatic]
    private static KeptWriter? Kept;

    private sealed class KeptWriter
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }

        public KeptWriter() => Writer = new Utf8JsonWriter(Buffer, WriterOptions);
    }

    /// <summary>An instant as schema.org dates it: ISO 8601 in UTC, to the second.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
