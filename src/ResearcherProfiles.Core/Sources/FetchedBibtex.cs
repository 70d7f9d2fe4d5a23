using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Sources;

/// <summary>
/// Writes fetched papers as BibTeX entries, so that they go through the same preview, matching and
/// import as a pasted .bib file.
/// </summary>
public static partial class FetchedBibtex
{
    public static string Write(IEnumerable<FetchedPaper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var text = new StringBuilder();
        foreach (var paper in papers)
        {
            Write(paper, text);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void Write(FetchedPaper paper, StringBuilder text)
    {
        var entryType = paper.Type switch
        {
            PublicationType.Journal => "article",
            PublicationType.Conference or PublicationType.Workshop => "inproceedings",
            PublicationType.BookChapter => "incollection",
            PublicationType.Thesis => "phdthesis",
            _ => "misc",
        };
        var venueField = entryType switch
        {
            "article" => "journal",
            "inproceedings" or "incollection" => "booktitle",
            "phdthesis" => "school",
            _ => "howpublished",
        };
        var key = paper.ArxivId is { } a ? "arxiv:" + a : "doi:" + paper.Doi;
        text.Append('@').Append(entryType).Append('{').Append(KeyCharacters().Replace(key, "_")).Append(",\n");
        Field(text, "title", paper.Title);
        Field(text, "author", paper.Authors.Count == 0 ? null : string.Join(" and ", paper.Authors.Select(Name)), escape: false);
        Field(text, "year", paper.Year?.ToString(CultureInfo.InvariantCulture));
        Field(text, "month", paper.Month is int m ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m) : null);
        // A dataset or report without a container is published by its repository (Zenodo, a university).
        Field(text, venueField, paper.Venue ?? (entryType == "misc" && paper.ArxivId is null ? paper.Publisher : null));
        Field(text, "abbr", paper.VenueShort);
        Field(text, "volume", paper.Volume);
        Field(text, "number", paper.Issue);
        Field(text, "pages", paper.Pages?.Replace("-", "--", StringComparison.Ordinal).Replace("----", "--", StringComparison.Ordinal));
        Field(text, "publisher", paper.Publisher);
        Field(text, "pubtype", paper.Type.ToString());
        Field(text, "doi", paper.Doi, escape: false);
        // The import labels it by its host (Paper, Project page, Code) and checks its scheme.
        Field(text, "url", paper.Url, escape: false);
        if (paper.ArxivId is not null)
        {
            Field(text, "eprint", paper.ArxivId, escape: false);
            Field(text, "archiveprefix", "arXiv");
        }
        Field(text, "abstract", paper.Abstract);
        text.Append("}\n");
    }

    private static string Name(FetchedAuthor author) =>
        author.AsWritten is { } written ? Escape(written)
        : author.Family is { } family ? author.Given is { } given ? $"{{{Escape(family)}}}, {Escape(given)}" : $"{{{Escape(family)}}}"
        : $"{{{Escape(author.Literal ?? "")}}}";

    private static void Field(StringBuilder text, string name, string? value, bool escape = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var written = escape ? Escape(value) : value.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        text.Append("  ").Append(name).Append(" = {").Append(written).Append("},\n");
    }

    /// <summary>Text as BibTeX that reads back as the same text: braces, backslashes and TeX's special characters spelled as commands.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '$' => @"\$",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '%' => @"\%",
                '&' => @"\&",
                '#' => @"\#",
                '_' => @"\_",
                '\r' => "",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    [GeneratedRegex(@"[^A-Za-z0-9:._-]")]
    private static partial Regex KeyCharacters();
}
