using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

/// <summary>Reads a DBLP person's publication list (dblp.org/pid/{pid}.xml): one &lt;r&gt; per record.</summary>
public static partial class DblpPerson
{
    /// <summary>The person's records, keyed by DBLP record key, in DBLP's order; FormatException when it is not a DBLP person list.</summary>
    public static IReadOnlyList<SourceWork> Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        // The answer names dblpperson.dtd: it is neither fetched nor obeyed, so no entity can reach files or the network.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(NamedEntities().Replace(xml, NumericEntity)), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException("The answer is not XML.", e);
        }
        if (document.Root?.Name.LocalName != "dblpperson")
        {
            throw new FormatException("The answer is not a DBLP person list.");
        }
        var works = new List<SourceWork>();
        foreach (var record in document.Root.Elements("r").SelectMany(r => r.Elements()))
        {
            if ((string?)record.Attribute("key") is { Length: > 0 } key && Paper(record) is { } paper)
            {
                works.Add(new SourceWork(key, paper));
            }
        }
        return works;
    }

    /// <summary>"Wei Wang 0001" → "Wei Wang": DBLP numbers people who share a name.</summary>
    public static string WithoutHomonymNumber(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HomonymNumber().Replace(CslJson.Collapse(name), "");
    }

    private static FetchedPaper? Paper(XElement record)
    {
        var title = Text(record, "title")?.TrimEnd('.');
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var journal = Text(record, "journal");
        var volume = Text(record, "volume");
        string? doi = null;
        string? arxiv = null;
        string? url = null;
        if (journal == "CoRR" && volume?.StartsWith("abs/", StringComparison.Ordinal) == true)
        {
            arxiv = ScholarlyIds.NormalizeArxivId(volume[4..]);
        }
        foreach (var ee in record.Elements("ee").Select(e => e.Value.Trim()))
        {
            var linked = PaperIdentifiers.Read(ee);
            if (linked?.Kind == IdentifierKind.Doi && ee.Contains("doi.org/", StringComparison.OrdinalIgnoreCase))
            {
                doi ??= linked.Value;
            }
            else if (linked?.Kind == IdentifierKind.Arxiv)
            {
                arxiv ??= linked.Value;
            }
            else if (Uri.TryCreate(ee, UriKind.Absolute, out var link) && link.Scheme is "http" or "https")
            {
                url ??= ee;
            }
        }
        var people = record.Elements("author").ToList() is { Count: > 0 } authors ? authors : record.Elements("editor").ToList();
        var year = int.TryParse(Text(record, "year"), out var y) && y is >= 1000 and <= 9999 ? y : (int?)null;
        return new FetchedPaper
        {
            Title = title,
            Type = TypeOf(record.Name.LocalName, journal, arxiv),
            Authors = people.Select(p => WithoutHomonymNumber(p.Value)).Where(n => n.Length > 0).Select(n => new FetchedAuthor(null, null, null, n)).ToList(),
            Year = year,
            Month = MonthOf(Text(record, "month")),
            Venue = journal == "CoRR" && arxiv is not null ? "arXiv" : journal ?? Text(record, "booktitle") ?? Text(record, "school"),
            Volume = arxiv is not null && journal == "CoRR" ? null : volume,
            Issue = Text(record, "number"),
            Pages = Text(record, "pages"),
            Publisher = Text(record, "publisher"),
            Doi = doi,
            ArxivId = arxiv,
            Url = url,
        };
    }

    /// <summary>DBLP's record kinds as the site's publication types; an article in CoRR is an arXiv preprint.</summary>
    private static PublicationType TypeOf(string kind, string? journal, string? arxiv) => kind switch
    {
        "article" when journal == "CoRR" && arxiv is not null => PublicationType.Preprint,
        "article" => PublicationType.Journal,
        "inproceedings" => PublicationType.Conference,
        "incollection" => PublicationType.BookChapter,
        "phdthesis" or "mastersthesis" => PublicationType.Thesis,
        _ => PublicationType.Other,
    };

    private static int? MonthOf(string? month)
    {
        if (month is null)
        {
            return null;
        }
        if (int.TryParse(month, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }
        var names = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        var index = Array.FindIndex(names, n => month.StartsWith(n, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    /// <summary>An element's text with its inline markup (&lt;i&gt;, &lt;sub&gt;) dropped; null when missing or blank.</summary>
    private static string? Text(XElement record, string name) =>
        record.Element(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? CslJson.Collapse(value) : null;

    /// <summary>
    /// DBLP's DTD defines the HTML entities (&amp;eacute;...); with the DTD ignored they are written as the
    /// characters they stand for, and any other name is left for the XML reader to refuse.
    /// </summary>
    private static string NumericEntity(Match entity)
    {
        var decoded = WebUtility.HtmlDecode(entity.Value);
        return decoded == entity.Value ? entity.Value : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
    }

    [GeneratedRegex(@"&(?!(amp|lt|gt|quot|apos);)[A-Za-z][A-Za-z0-9]{1,31};")]
    private static partial Regex NamedEntities();

    [GeneratedRegex(@"\s+\d{4}$")]
    private static partial Regex HomonymNumber();
}
