using System.Globalization;
using System.Text.Json;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// Reads the ORCID public API v3.0 in JSON: a record's works (/v3.0/{iD}/works, one group per work,
/// one summary per source that added it) and the details of several works at once
/// (/v3.0/{iD}/works/{put-code,put-code,...}, which alone carry the authors).
/// </summary>
public static class OrcidWorks
{
    /// <summary>The most put-codes ORCID answers for in one request for details.</summary>
    public const int BulkLimit = 100;

    /// <summary>
    /// One work per group, described by the summary the researcher prefers (the highest display index,
    /// as ORCID's own pages show it), keyed by its put-code; works without a title are left out.
    /// FormatException when the answer is not a works list.
    /// </summary>
    public static IReadOnlyList<SourceWork> ReadSummaries(string json)
    {
        using var document = SourceJson.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("group", out var groups) || groups.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw new FormatException("The answer is not an ORCID works list.");
        }
        var works = new List<SourceWork>();
        foreach (var group in SourceJson.Objects(root, "group"))
        {
            var preferred = SourceJson.Objects(group, "work-summary")
                .Select((summary, order) => (summary, order, index: SourceJson.Number(summary, "display-index") ?? 0))
                .OrderByDescending(s => s.index).ThenBy(s => s.order)
                .Select(s => s.summary).Cast<JsonElement?>().FirstOrDefault();
            if (preferred is { } summary && SourceJson.Number(summary, "put-code") is { } putCode && Paper(summary) is { } paper)
            {
                works.Add(new SourceWork(putCode.ToString(CultureInfo.InvariantCulture), paper));
            }
        }
        return works;
    }

    /// <summary>
    /// The works in a bulk answer by put-code, with their authors; entries ORCID answers with an error
    /// (a work removed or hidden since the list was read) are left out. FormatException when the answer is not a bulk answer.
    /// </summary>
    public static IReadOnlyDictionary<string, FetchedPaper> ReadBulk(string json)
    {
        using var document = SourceJson.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("bulk", out var bulk) || bulk.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The answer is not an ORCID bulk answer.");
        }
        var papers = new Dictionary<string, FetchedPaper>(StringComparer.Ordinal);
        foreach (var item in SourceJson.Objects(root, "bulk"))
        {
            if (SourceJson.At(item, "work") is { } work && SourceJson.Number(work, "put-code") is { } putCode && Paper(work) is { } paper)
            {
                papers[putCode.ToString(CultureInfo.InvariantCulture)] = paper;
            }
        }
        return papers;
    }

    /// <summary>ORCID's work types (v3.0 writes "journal-article", v2 wrote "JOURNAL_ARTICLE") as the site's publication types.</summary>
    public static PublicationType TypeOf(string? orcidType) => orcidType?.ToLowerInvariant().Replace('_', '-') switch
    {
        "journal-article" => PublicationType.Journal,
        "conference-paper" => PublicationType.Conference,
        "preprint" or "working-paper" => PublicationType.Preprint,
        "book-chapter" => PublicationType.BookChapter,
        "dissertation-thesis" or "dissertation" => PublicationType.Thesis,
        _ => PublicationType.Other,
    };

    /// <summary>
    /// ORCID's contributor roles that do not write the work. Other roles, and the CRediT roles
    /// (writing-original-draft...) newer records use, are authors.
    /// </summary>
    private static readonly HashSet<string> NotAuthors = new(["editor", "chair-or-translator", "assignee", "funder"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A work summary or a full work as a paper; null when it has no title.</summary>
    private static FetchedPaper? Paper(JsonElement work)
    {
        if (SourceJson.Text(work, "title", "title", "value") is not { } title)
        {
            return null;
        }
        string? doi = null;
        string? arxiv = null;
        foreach (var id in SourceJson.Objects(work, "external-ids", "external-id"))
        {
            // "part-of" names the book or proceedings the work appeared in, "version-of" another version: not this work.
            if (!string.Equals(SourceJson.Text(id, "external-id-relationship"), "self", StringComparison.OrdinalIgnoreCase)
                || SourceJson.Text(id, "external-id-value") is not { } value)
            {
                continue;
            }
            switch (SourceJson.Text(id, "external-id-type")?.ToLowerInvariant())
            {
                case "doi" when ScholarlyIds.NormalizeDoi(value) is { } d:
                    if (d.StartsWith("10.48550/arxiv.", StringComparison.Ordinal) && ScholarlyIds.NormalizeArxivId(d[15..]) is { } minted)
                    {
                        arxiv ??= minted;
                    }
                    else
                    {
                        doi ??= d;
                    }
                    break;
                case "arxiv":
                    arxiv ??= ScholarlyIds.NormalizeArxivId(value);
                    break;
            }
        }
        var year = SourceJson.Number(work, "publication-date", "year", "value");
        var month = SourceJson.Number(work, "publication-date", "month", "value");
        var url = SourceJson.Text(work, "url", "value");
        return new FetchedPaper
        {
            Title = SourceJson.PlainTitle(title),
            Type = TypeOf(SourceJson.Text(work, "type")),
            Authors = Authors(work),
            Year = year is >= 1000 and <= 9999 ? (int)year : null,
            Month = month is >= 1 and <= 12 ? (int)month : null,
            Venue = SourceJson.Text(work, "journal-title", "value"),
            Abstract = SourceJson.Text(work, "short-description"),
            Doi = doi,
            ArxivId = arxiv,
            Url = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? url : null,
        };
    }

    /// <summary>
    /// The contributors credited as authors, names as written; many works list none and carry a BibTeX
    /// citation instead, whose author field then gives them.
    /// </summary>
    private static List<FetchedAuthor> Authors(JsonElement work)
    {
        var authors = SourceJson.Objects(work, "contributors", "contributor")
            .Where(c => SourceJson.Text(c, "contributor-attributes", "contributor-role") is not { } role || !NotAuthors.Contains(role.Replace('_', '-')))
            .Select(c => SourceJson.Text(c, "credit-name", "value"))
            .OfType<string>()
            .Select(name => new FetchedAuthor(null, null, null, name))
            .ToList();
        if (authors.Count > 0
            || !string.Equals(SourceJson.Text(work, "citation", "citation-type"), "bibtex", StringComparison.OrdinalIgnoreCase)
            || SourceJson.Text(work, "citation", "citation-value") is not { } bibtex)
        {
            return authors;
        }
        var entries = BibtexParser.Parse(bibtex).Entries;
        if (entries.Count == 0 || !entries[0].Fields.TryGetValue("author", out var field))
        {
            return authors;
        }
        return BibtexNames.Parse(field)
            .Where(n => !n.IsOthers && n.Last.Length > 0)
            .Select(n => new FetchedAuthor(n.First.Length > 0 ? n.First : null, n.Von.Length > 0 ? $"{n.Von} {n.Last}" : n.Last, null))
            .ToList();
    }
}
