using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// Reads CSL-JSON, the answer doi.org gives for both Crossref and DataCite DOIs when asked for
/// application/vnd.citationstyles.csl+json.
/// </summary>
public static partial class CslJson
{
    /// <summary>The paper described by <paramref name="json"/>; FormatException when it is not CSL-JSON with a title.</summary>
    public static FetchedPaper Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("The answer is not JSON.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "title") is not { } title)
            {
                throw new FormatException("The answer has no title.");
            }
            var cslType = Text(root, "type") ?? "";
            var venue = Text(root, "container-title");
            var (year, month) = DateOf(root);
            var doi = Text(root, "DOI") is { } d ? ScholarlyIds.NormalizeDoi(d) : null;
            return new FetchedPaper
            {
                Title = Collapse(title),
                Type = TypeOf(cslType, venue),
                Authors = AuthorsOf(root, "author") is { Count: > 0 } authors ? authors : AuthorsOf(root, "editor"),
                Year = year,
                Month = month,
                Venue = venue is null ? null : Collapse(venue),
                VenueShort = Text(root, "container-title-short"),
                Volume = Text(root, "volume"),
                Issue = Text(root, "issue"),
                Pages = Text(root, "page"),
                Publisher = Text(root, "publisher"),
                Abstract = Text(root, "abstract") is { } a ? PlainAbstract(a) : null,
                Doi = doi,
            };
        }
    }

    /// <summary>CSL's item types as the site's publication types.</summary>
    public static PublicationType TypeOf(string cslType, string? venue) => cslType switch
    {
        "article-journal" => PublicationType.Journal,
        "paper-conference" when venue is not null && venue.Contains("workshop", StringComparison.OrdinalIgnoreCase) => PublicationType.Workshop,
        "paper-conference" => PublicationType.Conference,
        "chapter" => PublicationType.BookChapter,
        "thesis" => PublicationType.Thesis,
        // DataCite calls preprints "article"; Crossref calls them posted-content.
        "article" or "posted-content" or "preprint" => PublicationType.Preprint,
        _ => PublicationType.Other,
    };

    /// <summary>A JATS abstract (&lt;jats:p&gt;, &lt;jats:italic&gt;...) as plain paragraphs; its "Abstract" heading dropped.</summary>
    public static string? PlainAbstract(string jats)
    {
        ArgumentNullException.ThrowIfNull(jats);
        var text = JatsTitle().Replace(jats, " ");
        text = ParagraphEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var paragraphs = text.Split("\n\n").Select(Collapse).Where(p => p.Length > 0).ToList();
        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }

    private static List<FetchedAuthor> AuthorsOf(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var authors = new List<FetchedAuthor>();
        foreach (var person in list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
        {
            var given = Text(person, "given");
            var family = Text(person, "family");
            // Some DataCite records give one "name" or "literal" for a person or an organisation.
            var literal = Text(person, "literal") ?? Text(person, "name");
            if (family is not null)
            {
                var particle = Text(person, "non-dropping-particle");
                authors.Add(new FetchedAuthor(given, particle is null ? family : $"{particle} {family}", null));
            }
            else if (literal is not null || given is not null)
            {
                authors.Add(new FetchedAuthor(null, null, literal ?? given));
            }
        }
        return authors;
    }

    private static (int? Year, int? Month) DateOf(JsonElement root)
    {
        foreach (var field in new[] { "issued", "published-print", "published-online", "published", "created" })
        {
            if (root.TryGetProperty(field, out var date) && date.ValueKind == JsonValueKind.Object
                && date.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array
                && parts.GetArrayLength() > 0 && parts[0] is { ValueKind: JsonValueKind.Array } first && first.GetArrayLength() > 0)
            {
                var year = Number(first[0]);
                if (year is >= 1000 and <= 9999)
                {
                    var month = first.GetArrayLength() > 1 ? Number(first[1]) : null;
                    return (year, month is >= 1 and <= 12 ? month : null);
                }
            }
        }
        return (null, null);
    }

    private static int? Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>A string field, or the first string of an array field (Crossref sometimes sends titles as arrays).</summary>
    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
        return text is null || ControlCharacters.Strip(text).Trim() is not { Length: > 0 } clean ? null : clean;
    }

    /// <summary>
    /// <paramref name="text"/> on one line, trimmed, without <see cref="ControlCharacters"/>: a source's
    /// JSON may carry any character as an escape, and a NUL would keep the whole look from being saved
    /// on PostgreSQL.
    /// </summary>
    internal static string Collapse(string text) => Whitespace().Replace(ControlCharacters.Strip(text), " ").Trim();

    [GeneratedRegex(@"<(jats:)?title[^>]*>.*?</(jats:)?title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex JatsTitle();

    [GeneratedRegex(@"</(jats:)?p>|<(jats:)?p(\s[^>]*)?/?>|<(jats:)?sec(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
