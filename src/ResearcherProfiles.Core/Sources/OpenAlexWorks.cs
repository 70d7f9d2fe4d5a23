using System.Globalization;
using System.Text.Json;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>One page of an OpenAlex works list, and the cursor for the next (null on the last).</summary>
public sealed record OpenAlexWorksPage(IReadOnlyList<SourceWork> Works, string? NextCursor);

/// <summary>Reads the OpenAlex API's works lists (api.openalex.org/works?filter=...).</summary>
public static class OpenAlexWorks
{
    /// <summary>Abstracts longer than this many words are cut: the inverted index could otherwise name any position.</summary>
    public const int MaxAbstractWords = 5_000;

    /// <summary>The works on one page, keyed by OpenAlex work id (W…); FormatException when it is not a works list.</summary>
    public static OpenAlexWorksPage ReadPage(string json)
    {
        using var document = SourceJson.Parse(json);
        var root = document.RootElement;
        if (SourceJson.At(root, "results") is not { ValueKind: JsonValueKind.Array })
        {
            throw new FormatException("The answer is not an OpenAlex works list.");
        }
        var works = new List<SourceWork>();
        foreach (var work in SourceJson.Objects(root, "results"))
        {
            if (WorkId(work) is { } id && Paper(work) is { } paper)
            {
                works.Add(new SourceWork(id, paper));
            }
        }
        return new OpenAlexWorksPage(works, SourceJson.Text(root, "meta", "next_cursor"));
    }

    /// <summary>Cited-by counts by normalised DOI from a works list filtered by DOI; FormatException when it is not a works list.</summary>
    public static IReadOnlyDictionary<string, int> ReadCitedBy(string json)
    {
        using var document = SourceJson.Parse(json);
        var root = document.RootElement;
        if (SourceJson.At(root, "results") is not { ValueKind: JsonValueKind.Array })
        {
            throw new FormatException("The answer is not an OpenAlex works list.");
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var work in SourceJson.Objects(root, "results"))
        {
            if (SourceJson.Text(work, "doi") is { } d && ScholarlyIds.NormalizeDoi(d) is { } doi
                && SourceJson.Number(work, "cited_by_count") is { } count and >= 0 and <= int.MaxValue)
            {
                counts[doi] = (int)count;
            }
        }
        return counts;
    }

    /// <summary>
    /// OpenAlex's work types as the site's: an "article" is placed by the kind of source it appeared in
    /// (journal, conference, or a repository such as arXiv).
    /// </summary>
    public static PublicationType TypeOf(string? type, string? sourceType, string? venue) => (type, sourceType) switch
    {
        ("article", "conference") when venue?.Contains("workshop", StringComparison.OrdinalIgnoreCase) == true => PublicationType.Workshop,
        ("article", "conference") => PublicationType.Conference,
        ("article", "repository") => PublicationType.Preprint,
        ("article", _) => PublicationType.Journal,
        ("preprint", _) => PublicationType.Preprint,
        ("book-chapter", _) => PublicationType.BookChapter,
        ("dissertation", _) => PublicationType.Thesis,
        _ => PublicationType.Other,
    };

    /// <summary>The plain abstract from OpenAlex's inverted index (word → positions), words in position order.</summary>
    public static string? AbstractFrom(JsonElement invertedIndex)
    {
        if (invertedIndex.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var words = new SortedDictionary<int, string>();
        foreach (var word in invertedIndex.EnumerateObject().Where(w => w.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var position in word.Value.EnumerateArray())
            {
                if (position.ValueKind == JsonValueKind.Number && position.TryGetInt32(out var p) && p is >= 0 and < MaxAbstractWords)
                {
                    words[p] = word.Name;
                }
            }
        }
        var text = CslJson.Collapse(string.Join(' ', words.Values));
        return text.Length == 0 ? null : text;
    }

    private static string? WorkId(JsonElement work)
    {
        var id = SourceJson.Text(work, "id");
        var bare = id?[(id.LastIndexOf('/') + 1)..];
        return bare is { Length: > 1 } && bare[0] == 'W' && bare[1..].All(char.IsAsciiDigit) ? bare : null;
    }

    private static FetchedPaper? Paper(JsonElement work)
    {
        if ((SourceJson.Text(work, "title") ?? SourceJson.Text(work, "display_name")) is not { } title)
        {
            return null;
        }
        var doi = SourceJson.Text(work, "doi") is { } d ? ScholarlyIds.NormalizeDoi(d) : null;
        string? arxiv = null;
        if (doi?.StartsWith("10.48550/arxiv.", StringComparison.Ordinal) == true)
        {
            arxiv = ScholarlyIds.NormalizeArxivId(doi[15..]);
            doi = null;
        }
        arxiv ??= SourceJson.Objects(work, "locations")
            .Select(l => SourceJson.Text(l, "landing_page_url"))
            .Select(u => u is null ? null : PaperIdentifiers.Read(u))
            .FirstOrDefault(i => i?.Kind == IdentifierKind.Arxiv)?.Value;
        var venue = SourceJson.Text(work, "primary_location", "source", "display_name");
        var year = SourceJson.Number(work, "publication_year");
        var date = SourceJson.Text(work, "publication_date");
        var month = date is { Length: >= 7 } && int.TryParse(date.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : (int?)null;
        var first = SourceJson.Text(work, "biblio", "first_page");
        var last = SourceJson.Text(work, "biblio", "last_page");
        var landing = SourceJson.Text(work, "primary_location", "landing_page_url");
        return new FetchedPaper
        {
            Title = SourceJson.PlainTitle(title),
            Type = TypeOf(SourceJson.Text(work, "type"), SourceJson.Text(work, "primary_location", "source", "type"), venue),
            Authors = SourceJson.Objects(work, "authorships")
                .Select(a => SourceJson.Text(a, "author", "display_name") ?? SourceJson.Text(a, "raw_author_name"))
                .OfType<string>().Select(n => new FetchedAuthor(null, null, null, n)).ToList(),
            Year = year is >= 1000 and <= 9999 ? (int)year : null,
            Month = month,
            Venue = venue,
            Volume = SourceJson.Text(work, "biblio", "volume"),
            Issue = SourceJson.Text(work, "biblio", "issue"),
            Pages = first is null ? null : last is null || last == first ? first : $"{first}-{last}",
            Publisher = SourceJson.Text(work, "primary_location", "source", "host_organization_name"),
            Abstract = SourceJson.At(work, "abstract_inverted_index") is { } index ? AbstractFrom(index) : null,
            Doi = doi,
            ArxivId = arxiv,
            Url = doi is null && landing is not null && PaperIdentifiers.Read(landing) is null
                && Uri.TryCreate(landing, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? landing : null,
        };
    }
}
