using System.Globalization;
using System.Text;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Citations;

/// <summary>
/// Writes publications as BibTeX in the form the site's own BibTeX import reads back: the standard
/// fields plus the keys academic homepages use for links, distinctions and status. Text is
/// escaped so that <see cref="Bibtex.LatexText.ToUnicode"/> returns it unchanged; letters outside
/// ASCII stay UTF-8, which biber and BibTeX with inputenc accept.
/// </summary>
public static class BibtexWriter
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The link keys in the order they are written; the import maps them back to the same kinds.</summary>
    private static readonly (PublicationLinkKind Kind, string Field)[] LinkFields =
    [
        (PublicationLinkKind.Pdf, "pdf"),
        (PublicationLinkKind.Code, "code"),
        (PublicationLinkKind.Slides, "slides"),
        (PublicationLinkKind.Poster, "poster"),
        (PublicationLinkKind.Video, "video"),
        (PublicationLinkKind.ProjectPage, "website"),
        (PublicationLinkKind.BlogPost, "blog"),
        (PublicationLinkKind.Dataset, "dataset"),
        (PublicationLinkKind.Benchmark, "benchmark"),
    ];

    /// <summary>The most links of one paper a backup holds; the publication form allows fewer.</summary>
    public const int MaxBackupLinks = 100;

    /// <summary>A backup's field for a paper its owner hid, <c>hidden = {true}</c>, which the import reads back.</summary>
    public const string HiddenField = "hidden";

    /// <summary>The marks the import reads after an author's name: equal contribution, then corresponding author.</summary>
    private const string EqualContributionMark = "*";
    private const string CorrespondingMark = "†";

    /// <summary>How much of the site's own data an entry carries.</summary>
    private enum Fidelity
    {
        /// <summary>The standard fields only: what a reader copies to cite the paper.</summary>
        Citation,

        /// <summary>The public export: the standard fields and the keys academic homepages read.</summary>
        Export,

        /// <summary>The owner's backup: everything the site keeps that its import reads back.</summary>
        Backup,
    }

    /// <summary>The numbered fields of a backup's <paramref name="number"/>th link (from 1): its address, kind and label.</summary>
    public static (string Url, string Kind, string Label) LinkFieldNames(int number)
    {
        var url = "link" + number.ToString(CultureInfo.InvariantCulture);
        return (url, url + "_kind", url + "_label");
    }

    /// <summary>One entry, without a trailing newline, keyed by <see cref="CitationKeys.For"/>.</summary>
    public static string WriteEntry(Publication publication, bool includeAbstract = true)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return WriteEntry(publication, CitationKeys.For(publication), includeAbstract, selected: false, hidden: false, Fidelity.Export);
    }

    /// <summary>
    /// One entry as a reader copies it to cite the paper: the standard fields only, without this
    /// site's own keys (abbr, pubtype, pubstatus, selected, award, the link keys), the abstract or the keywords.
    /// </summary>
    public static string WriteCitation(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return WriteEntry(publication, CitationKeys.For(publication), includeAbstract: false, selected: false, hidden: false, Fidelity.Citation);
    }

    /// <summary>
    /// A whole .bib file: entries in the given order, separated by a blank line, with keys unique
    /// within the file. <paramref name="isSelected"/> marks the papers written with
    /// <c>selected = {true}</c> (a profile's highlighted papers).
    /// </summary>
    public static string Write(IEnumerable<Publication> publications, bool includeAbstract = true, Func<Publication, bool>? isSelected = null)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var list = publications.ToList();
        var keys = CitationKeys.Assign(list);
        var file = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                file.Append('\n');
            }
            file.Append(WriteEntry(list[i], keys[i], includeAbstract, isSelected?.Invoke(list[i]) ?? false, hidden: false, Fidelity.Export)).Append('\n');
        }
        return file.ToString();
    }

    /// <summary>
    /// The owner's backup of a profile's papers, in the profile's order, hidden ones included: every
    /// field of <see cref="Write"/> plus what only this site keeps and its import reads back, so that
    /// importing the file into an empty profile gives back the same list: <c>hidden</c>, the
    /// <c>summary</c>, the authors' equal-contribution (*) and corresponding (†) marks, pages exactly as
    /// entered, the paper's own url as it is, and every link with its kind and label as numbered <c>link1</c>, <c>link1_kind</c>,
    /// <c>link1_label</c> fields (beside the one-per-kind keys other tools read).
    /// </summary>
    /// <param name="listings">The profile's entries, each with its <see cref="ProfilePublication.Publication"/>, authors and links loaded.</param>
    public static string WriteBackup(IEnumerable<ProfilePublication> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var list = listings.ToList();
        var papers = list.Select(l => l.Publication ?? throw new ArgumentException("Every listing needs its publication loaded.", nameof(listings))).ToList();
        var keys = CitationKeys.Assign(papers);
        var file = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                file.Append('\n');
            }
            file.Append(WriteEntry(papers[i], keys[i], includeAbstract: true, list[i].IsHighlighted, hidden: !list[i].IsVisible, Fidelity.Backup)).Append('\n');
        }
        return file.ToString();
    }

    private static string WriteEntry(Publication p, string key, bool includeAbstract, bool selected, bool hidden, Fidelity fidelity)
    {
        var clean = fidelity == Fidelity.Citation;
        var backup = fidelity == Fidelity.Backup;
        var fields = new List<(string Name, string Value)>();
        void Text(string name, string? value)
        {
            var text = CitationText.OneLine(value);
            if (text.Length > 0)
            {
                fields.Add((name, "{" + BibtexEscaping.Escape(text) + "}"));
            }
        }
        void Verbatim(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && BibtexEscaping.IsBalanced(value))
            {
                fields.Add((name, "{" + value.Trim() + "}"));
            }
        }

        fields.Add(("title", "{" + BibtexEscaping.Title(CitationText.OneLine(p.Title)) + "}"));
        var authors = p.Authors.OrderBy(a => a.Position)
            .Select(a => a.Name.Trim() == AuthorList.EtAl ? "others" : BibtexEscaping.Name(CitationName.Parse(a.Name)) + (backup ? Marks(a) : ""))
            .Where(name => name.Length > 0)
            .ToList();
        if (authors.Count > 0)
        {
            fields.Add(("author", "{" + string.Join(" and ", authors) + "}"));
        }
        Text(VenueField(p.Type), p.VenueName);
        if (!clean)
        {
            Text("abbr", p.VenueShort);
        }
        if (p.Year is int year)
        {
            fields.Add(("year", "{" + year.ToString(CultureInfo.InvariantCulture) + "}"));
        }
        if (p.Month is >= 1 and <= 12)
        {
            fields.Add(("month", Months[p.Month.Value - 1]));
        }
        Text("volume", p.Volume);
        Text("number", p.Number);
        if (backup)
        {
            // As kept, so that "58--70" and "58–70" each come back as they were entered.
            Text("pages", p.Pages);
        }
        else if (PagesText(p.Pages) is { } pages)
        {
            fields.Add(("pages", "{" + pages + "}"));
        }
        Text("publisher", p.Publisher);
        Verbatim("doi", p.Doi);
        if (!string.IsNullOrWhiteSpace(p.ArxivId))
        {
            Verbatim("eprint", p.ArxivId);
            fields.Add(("archivePrefix", "{arXiv}"));
        }

        var links = p.Links.OrderBy(l => l.SortOrder).Where(l => SafeUrl.IsHttpUrl(l.Url)).ToList();
        var firstOfKind = LinkFields
            .Select(f => (f.Field, Link: links.FirstOrDefault(l => l.Kind == f.Kind)))
            .Where(f => f.Link is not null)
            .ToList();
        // BibTeX has one url and one key per link kind: when the paper has no url of its own, the
        // first link without a key of its own (an extra link of a kind, or an Other link) becomes
        // the url; any further such links are not exported.
        // A backup lists every link in numbered fields, so its url is only ever the paper's own.
        var url = SafeUrl.IsHttpUrl(p.Url) || backup
            ? p.Url
            : links.Except(firstOfKind.Select(f => f.Link!)).FirstOrDefault()?.Url;
        if (SafeUrl.IsHttpUrl(url))
        {
            Verbatim("url", UrlText(url));
        }
        if (includeAbstract)
        {
            Text("abstract", p.Abstract);
        }
        if (backup)
        {
            Text("summary", p.Summary);
        }
        Text("note", p.Note);
        if (clean)
        {
            return Entry(p, key, fields);
        }
        Text("keywords", string.Join(", ", p.Keywords.Select(CitationText.OneLine).Where(k => k.Length > 0)));
        Text("pubtype", Pubtype(p));
        Text("pubstatus", p.Status switch
        {
            // The import takes a preprint for unpublished, and reads a status out of a note ("to appear
            // in ..."), unless the entry says otherwise.
            PublicationStatus.Published when p.Type == PublicationType.Preprint || !string.IsNullOrWhiteSpace(p.Note) => "published",
            PublicationStatus.Accepted => "accepted",
            PublicationStatus.UnderReview => "under review",
            PublicationStatus.Preprint => "preprint",
            PublicationStatus.InPreparation => "in preparation",
            PublicationStatus.AwaitingRevision => "awaiting revision",
            _ => null,
        });
        if (selected)
        {
            fields.Add(("selected", "{true}"));
        }
        if (backup && hidden)
        {
            fields.Add((HiddenField, "{true}"));
        }
        Text("award", string.Join("; ", p.Badges.Select(CitationText.OneLine).Where(b => b.Length > 0)));
        foreach (var (field, link) in firstOfKind)
        {
            Verbatim(field, UrlText(link!.Url));
        }
        if (backup)
        {
            foreach (var (link, i) in links.Take(MaxBackupLinks).Select((l, i) => (l, i)))
            {
                var (urlField, kindField, labelField) = LinkFieldNames(i + 1);
                Verbatim(urlField, UrlText(link.Url));
                fields.Add((kindField, "{" + link.Kind.ToString().ToLowerInvariant() + "}"));
                Text(labelField, link.Label);
            }
        }

        return Entry(p, key, fields);
    }

    /// <summary>An author's marks as the import reads them after the name: * for equal contribution, † for the corresponding author.</summary>
    private static string Marks(PublicationAuthor author) =>
        (author.EqualContribution ? EqualContributionMark : "") + (author.Corresponding ? CorrespondingMark : "");

    private static string Entry(Publication p, string key, List<(string Name, string Value)> fields)
    {
        var entry = new StringBuilder().Append('@').Append(EntryType(p)).Append('{').Append(key).Append(",\n");
        for (var i = 0; i < fields.Count; i++)
        {
            entry.Append("  ").Append(fields[i].Name).Append(" = ").Append(fields[i].Value).Append(i < fields.Count - 1 ? ",\n" : "\n");
        }
        return entry.Append('}').ToString();
    }

    /// <summary>
    /// Pages as entered, with a range written the BibTeX way: "58--70" and "58–70" both become
    /// <c>58--70</c>, which styles print with an en dash and the import reads back as the same range.
    /// </summary>
    private static string? PagesText(string? pages)
    {
        var text = CitationText.OneLine(pages);
        if (text.Length == 0)
        {
            return null;
        }
        var parts = text.Replace("–", "--", StringComparison.Ordinal).Split("--");
        return string.Join("--", parts.Select(part => BibtexEscaping.Escape(part.Trim())));
    }

    /// <summary>The standard field for the venue of each entry type, which is also where the import looks for it.</summary>
    private static string VenueField(PublicationType type) => type switch
    {
        PublicationType.Journal => "journal",
        PublicationType.Thesis => "school",
        PublicationType.Preprint or PublicationType.Other => "howpublished",
        _ => "booktitle",
    };

    /// <summary>
    /// The site's own type, written when the entry type alone would be read back as another one: the
    /// import takes a paper at a venue named "...Workshop..." for a workshop paper, one at an arXiv
    /// venue or a misc entry with an eprint for a preprint, and any other misc entry for Other.
    /// </summary>
    private static string? Pubtype(Publication p)
    {
        var arxivVenue = p.VenueName is { } venue
            && (venue.Contains("arXiv", StringComparison.OrdinalIgnoreCase) || venue.Trim().Equals("CoRR", StringComparison.OrdinalIgnoreCase));
        var workshopVenue = p.VenueName?.Contains("workshop", StringComparison.OrdinalIgnoreCase) == true;
        var hasArxiv = !string.IsNullOrWhiteSpace(p.ArxivId);
        return p.Type switch
        {
            PublicationType.Workshop => "workshop",
            PublicationType.InvitedPaper => "invited",
            PublicationType.Conference when workshopVenue => "conference",
            PublicationType.Journal when arxivVenue => "journal",
            PublicationType.Preprint when !hasArxiv && !arxivVenue => "preprint",
            PublicationType.Other when hasArxiv || arxivVenue => "other",
            _ => null,
        };
    }

    private static string EntryType(Publication p) => p.Type switch
    {
        PublicationType.Conference or PublicationType.Workshop or PublicationType.InvitedPaper => "inproceedings",
        PublicationType.Journal => "article",
        PublicationType.BookChapter => "incollection",
        PublicationType.Thesis => "phdthesis",
        _ => "misc",
    };

    /// <summary>
    /// URLs are written as they are (styles print them with \url, which needs no escaping); the
    /// characters that would unbalance the entry's braces are percent-encoded.
    /// </summary>
    private static string? UrlText(string? url) =>
        url?.Trim().Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
}
