using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResearcherProfiles.Core.Sources;

/// <summary>Reading the nested, often null-valued JSON of ORCID and OpenAlex without a class per level.</summary>
internal static partial class SourceJson
{
    /// <summary>The parsed answer; FormatException when it is not JSON or not an object.</summary>
    public static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException("The answer is not JSON.", e);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException("The answer is not a JSON object.");
        }
        return document;
    }

    /// <summary>The value at the end of <paramref name="path"/>, or null when any step is missing, null or not an object.</summary>
    public static JsonElement? At(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next) || next.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    /// <summary>A string (or number) at <paramref name="path"/>, trimmed, whitespace collapsed, control characters dropped; null when missing or blank.</summary>
    public static string? Text(JsonElement element, params string[] path)
    {
        var text = At(element, path) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };
        return text is null || CslJson.Collapse(text) is not { Length: > 0 } collapsed ? null : collapsed;
    }

    /// <summary>The items of the array at <paramref name="path"/> that are objects; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A whole number written as a JSON number or as a string of digits.</summary>
    public static long? Number(JsonElement element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>A title as plain text: Crossref's inline markup (&lt;i&gt;, &lt;sub&gt;, &lt;scp&gt;, MathML) dropped and HTML entities decoded.</summary>
    public static string PlainTitle(string title)
    {
        var plain = CslJson.Collapse(WebUtility.HtmlDecode(InlineMarkup().Replace(title, "")));
        return plain.Length == 0 ? title : plain;
    }

    [GeneratedRegex(@"</?(i|b|em|strong|u|sub|sup|scp|tt|span|mml:[a-z]+)(\s[^>]*)?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineMarkup();
}
