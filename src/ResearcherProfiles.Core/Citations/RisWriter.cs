using System.Globalization;
using System.Text;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Citations;

/// <summary>
/// Writes publications as RIS, the tagged format reference managers (Zotero, EndNote, Mendeley)
/// import: "TY  - JOUR" lines ended by CRLF as the specification asks, one record per paper.
/// </summary>
public static class RisWriter
{
    private static readonly char[] PageDashes = ['-', '–', '—'];

    /// <summary>Every paper as one record ending in "ER  - ", records separated by a blank line.</summary>
    public static string Write(IEnumerable<Publication> publications, bool includeAbstract = true)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var file = new StringBuilder();
        foreach (var publication in publications)
        {
            if (file.Length > 0)
            {
                file.Append("\r\n");
            }
            WriteRecord(file, publication, includeAbstract);
        }
        return file.ToString();
    }

    private static void WriteRecord(StringBuilder file, Publication p, bool includeAbstract)
    {
        void Tag(string tag, string? value)
        {
            var text = CitationText.OneLine(value);
            if (text.Length > 0)
            {
                file.Append(tag).Append("  - ").Append(text).Append("\r\n");
            }
        }

        Tag("TY", p.Type switch
        {
            PublicationType.Conference or PublicationType.Workshop or PublicationType.InvitedPaper => "CONF",
            PublicationType.Journal => "JOUR",
            PublicationType.BookChapter => "CHAP",
            PublicationType.Thesis => "THES",
            PublicationType.Preprint => "UNPB",
            _ => "GEN",
        });
        Tag("TI", p.Title);
        // RIS has no "and others": the list simply ends.
        foreach (var author in p.Authors.OrderBy(a => a.Position).Where(a => a.Name.Trim() != AuthorList.EtAl))
        {
            Tag("AU", Author(CitationName.Parse(author.Name)));
        }
        Tag("PY", p.Year?.ToString(CultureInfo.InvariantCulture));
        if (p.Year is int year && p.Month is >= 1 and <= 12)
        {
            Tag("DA", string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{p.Month:D2}//"));
        }
        Tag(p.Type == PublicationType.Journal ? "JO" : "T2", p.VenueName);
        Tag("J2", p.VenueShort);
        Tag("VL", p.Volume);
        Tag("IS", p.Number);
        var (start, end) = SplitPages(p.Pages);
        Tag("SP", start);
        Tag("EP", end);
        Tag("PB", p.Publisher);
        Tag("DO", p.Doi);
        if (SafeUrl.IsHttpUrl(p.Url))
        {
            Tag("UR", p.Url);
        }
        if (!string.IsNullOrWhiteSpace(p.ArxivId))
        {
            Tag("UR", $"https://arxiv.org/abs/{p.ArxivId.Trim()}");
        }
        var links = p.Links.OrderBy(l => l.SortOrder).Where(l => SafeUrl.IsHttpUrl(l.Url)).ToList();
        foreach (var pdf in links.Where(l => l.Kind == PublicationLinkKind.Pdf))
        {
            Tag("L1", pdf.Url);
        }
        foreach (var link in links.Where(l => l.Kind != PublicationLinkKind.Pdf))
        {
            Tag("UR", link.Url);
        }
        if (includeAbstract)
        {
            Tag("AB", p.Abstract);
        }
        Tag("N1", p.Note);
        foreach (var keyword in p.Keywords)
        {
            Tag("KW", keyword);
        }
        file.Append("ER  - \r\n");
    }

    /// <summary>"Last, First" or "Last, First, Suffix" as RIS asks; a name that cannot be split is written whole.</summary>
    private static string Author(CitationName name)
    {
        if (name.IsLiteral)
        {
            return name.Display;
        }
        return name.Suffix.Length > 0 ? $"{name.FullFamily}, {name.Given}, {name.Suffix}" : $"{name.FullFamily}, {name.Given}";
    }

    /// <summary>"123--145", "123–145" or "123-145" → ("123", "145"); a single page or article number is the start only.</summary>
    private static (string? Start, string? End) SplitPages(string? pages)
    {
        var text = CitationText.OneLine(pages);
        var dash = text.IndexOfAny(PageDashes);
        if (dash <= 0)
        {
            return (text, null);
        }
        return (text[..dash].Trim(), text[dash..].TrimStart(PageDashes).Trim());
    }
}
