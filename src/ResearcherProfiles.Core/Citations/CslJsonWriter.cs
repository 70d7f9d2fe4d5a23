using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Citations;

/// <summary>
/// Writes publications as CSL-JSON, the citation data of citeproc (Pandoc, Zotero, Quarto):
/// an array with one item per paper, its id the same citation key the BibTeX export uses.
/// </summary>
public static class CslJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Names and titles keep their letters readable instead of \u escapes; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(IEnumerable<Publication> publications, bool includeAbstract = true)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var list = publications.ToList();
        var keys = CitationKeys.Assign(list);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartArray();
            for (var i = 0; i < list.Count; i++)
            {
                WriteItem(json, list[i], keys[i], includeAbstract);
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter json, Publication p, string key, bool includeAbstract)
    {
        void Text(string name, string? value)
        {
            var text = CitationText.OneLine(value);
            if (text.Length > 0)
            {
                json.WriteString(name, text);
            }
        }

        json.WriteStartObject();
        json.WriteString("id", key);
        json.WriteString("type", p.Type switch
        {
            PublicationType.Conference or PublicationType.Workshop or PublicationType.InvitedPaper => "paper-conference",
            PublicationType.Journal => "article-journal",
            PublicationType.BookChapter => "chapter",
            PublicationType.Thesis => "thesis",
            PublicationType.Preprint => "article",
            _ => "document",
        });
        Text("title", p.Title);
        // CSL has no "and others": styles shorten long lists themselves.
        var authors = p.Authors.OrderBy(a => a.Position)
            .Where(a => a.Name.Trim() != AuthorList.EtAl)
            .Select(a => CitationName.Parse(a.Name))
            .Where(n => n.Display.Length > 0)
            .ToList();
        if (authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (var name in authors)
            {
                WriteName(json, name);
            }
            json.WriteEndArray();
        }
        if (p.Year is int year)
        {
            json.WriteStartObject("issued");
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(year);
            if (p.Month is >= 1 and <= 12)
            {
                json.WriteNumberValue(p.Month.Value);
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        Text("container-title", p.VenueName);
        Text("container-title-short", p.VenueShort);
        Text("DOI", p.Doi);
        if (SafeUrl.IsHttpUrl(p.Url))
        {
            Text("URL", p.Url);
        }
        if (includeAbstract)
        {
            Text("abstract", p.Abstract);
        }
        Text("volume", p.Volume);
        Text("issue", p.Number);
        // BibTeX's "--" is LaTeX for the en dash; CSL takes the range as it is printed.
        Text("page", p.Pages?.Replace("--", "–", StringComparison.Ordinal));
        Text("publisher", p.Publisher);
        Text("note", p.Note);
        Text("keyword", string.Join(", ", p.Keywords.Select(CitationText.OneLine).Where(k => k.Length > 0)));
        if (!string.IsNullOrWhiteSpace(p.ArxivId))
        {
            json.WriteString("archive", "arXiv");
            Text("archive_location", p.ArxivId);
        }
        var links = p.Links.OrderBy(l => l.SortOrder).Where(l => SafeUrl.IsHttpUrl(l.Url)).ToList();
        if (links.Count > 0)
        {
            // CSL has no variables for a paper's code, slides or data; "custom" is where CSL-JSON keeps extra data.
            json.WriteStartObject("custom");
            json.WriteStartArray("links");
            foreach (var link in links)
            {
                json.WriteStartObject();
                json.WriteString("kind", KindName(link.Kind));
                json.WriteString("url", link.Url);
                if (!string.IsNullOrWhiteSpace(link.Label))
                {
                    json.WriteString("label", link.Label);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter json, CitationName name)
    {
        json.WriteStartObject();
        if (name.IsLiteral)
        {
            json.WriteString("literal", name.Display);
        }
        else
        {
            json.WriteString("family", name.Family);
            json.WriteString("given", name.Given);
            if (name.Particle.Length > 0)
            {
                // A particle that stays with the family name even when only the family name is printed: "de la Cruz".
                json.WriteString("non-dropping-particle", name.Particle);
            }
            if (name.Suffix.Length > 0)
            {
                json.WriteString("suffix", name.Suffix);
            }
        }
        json.WriteEndObject();
    }

    /// <summary>"project-page" for ProjectPage: the link kinds in the lowercase, hyphenated style of CSL's own names.</summary>
    private static string KindName(PublicationLinkKind kind)
    {
        var name = kind.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                kebab.Append('-');
            }
            kebab.Append(char.ToLowerInvariant(name[i]));
        }
        return kebab.ToString();
    }
}
