using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>Reads the Atom feed of the arXiv API (export.arxiv.org/api/query?id_list=...).</summary>
public static partial class ArxivAtom
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>The papers in the feed by their arXiv id (without version); FormatException when it is not an Atom feed.</summary>
    public static IReadOnlyDictionary<string, FetchedPaper> Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException("The answer is not XML.", e);
        }
        if (document.Root?.Name != Atom + "feed")
        {
            throw new FormatException("The answer is not an Atom feed.");
        }
        var papers = new Dictionary<string, FetchedPaper>(StringComparer.Ordinal);
        foreach (var entry in document.Root.Elements(Atom + "entry"))
        {
            var idLink = ((string?)entry.Element(Atom + "id"))?.Trim() ?? "";
            var match = AbsLink().Match(idLink);
            var title = (string?)entry.Element(Atom + "title");
            // Unknown or malformed ids come back as entries without a title or as an "Error" entry.
            if (!match.Success || ScholarlyIds.NormalizeArxivId(match.Groups["id"].Value) is not { } id || string.IsNullOrWhiteSpace(title))
            {
                continue;
            }
            var published = DateTimeOffset.TryParse((string?)entry.Element(Atom + "published"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) ? p : (DateTimeOffset?)null;
            var doi = (string?)entry.Element(Arxiv + "doi") is { } d ? ScholarlyIds.NormalizeDoi(d) : null;
            var summary = ((string?)entry.Element(Atom + "summary"))?.Trim();
            papers[id] = new FetchedPaper
            {
                Title = CslJson.Collapse(title),
                Type = PublicationType.Preprint,
                Authors = entry.Elements(Atom + "author").Select(a => (string?)a.Element(Atom + "name"))
                    .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Author(CslJson.Collapse(n!))).ToList(),
                Year = published?.Year,
                Month = published?.Month,
                Venue = "arXiv",
                Abstract = string.IsNullOrEmpty(summary) ? null : string.Join("\n\n", summary.Split("\n\n").Select(CslJson.Collapse).Where(s => s.Length > 0)),
                Doi = doi,
                ArxivId = id,
                ArxivVersion = match.Groups["v"].Success ? int.Parse(match.Groups["v"].Value, CultureInfo.InvariantCulture) : null,
            };
        }
        return papers;
    }

    /// <summary>arXiv gives names as written; BibTeX's own rules split them ("Jan van der Berg").</summary>
    private static FetchedAuthor Author(string name) => new(null, null, null, name);

    [GeneratedRegex(@"arxiv\.org/abs/(?<id>.+?)(v(?<v>\d+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AbsLink();
}
