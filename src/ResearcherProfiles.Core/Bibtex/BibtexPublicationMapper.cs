using System.Globalization;
using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Bibtex;

/// <summary>A BibTeX entry turned into an unsaved publication; <see cref="Names"/> follow the authors in order.</summary>
public sealed record MappedPublication(
    Publication Publication,
    IReadOnlyList<BibtexName> Names,
    bool Selected,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The entry says <c>hidden = {true}</c> (a backup of a paper its owner hid): it is imported hidden.</summary>
    public bool Hidden { get; init; }
}

/// <summary>Either a publication or the reason the entry cannot become one.</summary>
public sealed record MappingResult(MappedPublication? Mapped, string? Error);

/// <summary>Choices the researcher makes for a whole import.</summary>
/// <param name="AbstractsAsSummaries">When an entry has no summary of its own, its abstract's first sentences become one.</param>
public sealed record BibtexMappingOptions(bool AbstractsAsSummaries = false)
{
    public static BibtexMappingOptions Default { get; } = new();
}

/// <summary>
/// Maps BibTeX fields onto <see cref="Publication"/>: the standard fields, the keys academic-site
/// themes read (pdf, code, slides, poster, video, website/html, blog, selected, abbr, award), and the
/// <c>pubtype</c> / <c>pubstatus</c> fields this site writes on export so that export and import
/// round-trip, and the fields only the owner's backup carries (<c>hidden</c>, numbered <c>link1</c>,
/// <c>link1_kind</c>, <c>link1_label</c>; see <see cref="BibtexWriter.WriteBackup"/>). Unknown fields
/// (bibtex_show, preview, ...) are ignored.
/// </summary>
public static partial class BibtexPublicationMapper
{
    public const int MaxAuthors = 1000;

    private static readonly (string Field, PublicationLinkKind Kind)[] LinkFields =
    [
        ("pdf", PublicationLinkKind.Pdf), ("code", PublicationLinkKind.Code), ("slides", PublicationLinkKind.Slides),
        ("website", PublicationLinkKind.ProjectPage), ("html", PublicationLinkKind.ProjectPage), ("project", PublicationLinkKind.ProjectPage),
        ("blog", PublicationLinkKind.BlogPost), ("benchmark", PublicationLinkKind.Benchmark),
        ("video", PublicationLinkKind.Video), ("poster", PublicationLinkKind.Poster), ("dataset", PublicationLinkKind.Dataset),
    ];

    private static readonly Dictionary<string, PublicationStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["published"] = PublicationStatus.Published,
        ["accepted"] = PublicationStatus.Accepted,
        ["to appear"] = PublicationStatus.Accepted,
        ["in press"] = PublicationStatus.Accepted,
        ["forthcoming"] = PublicationStatus.Accepted,
        ["under review"] = PublicationStatus.UnderReview,
        ["submitted"] = PublicationStatus.UnderReview,
        ["preprint"] = PublicationStatus.Preprint,
        ["in preparation"] = PublicationStatus.InPreparation,
        ["awaiting revision"] = PublicationStatus.AwaitingRevision,
        ["revise and resubmit"] = PublicationStatus.AwaitingRevision,
    };

    private static readonly (string Field, int Max, string What)[] Limits =
    [
        ("title", 500, "The title"), ("venue", 300, "The venue name"), ("abbr", 50, "The short venue name (abbr)"),
        ("abstract", 10_000, "The abstract"), ("volume", PublicationLimits.Volume, "The volume"), ("number", PublicationLimits.Number, "The number"),
        ("pages", PublicationLimits.Pages, "The pages field"), ("publisher", PublicationLimits.Publisher, "The publisher"), ("note", PublicationLimits.Note, "The note"),
    ];

    /// <summary>The summary's length limit, shared with the database and the publication form.</summary>
    public const int MaxSummaryLength = 2000;

    /// <summary>Fields that carry a short summary of the paper, in order of preference.</summary>
    private static readonly string[] SummaryFields = ["tldr", "summary", "abstract_short"];

    public static MappingResult Map(BibtexEntry entry) => Map(entry, BibtexMappingOptions.Default);

    public static MappingResult Map(BibtexEntry entry, BibtexMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in entry.Fields)
        {
            text[name] = LatexText.ToUnicode(value);
        }
        string? Text(string field) => text.TryGetValue(field, out var v) && v.Length > 0 ? v : null;

        var title = Text("title");
        if (title is null)
        {
            return new MappingResult(null, "The entry has no title.");
        }

        var authorField = entry.Fields.GetValueOrDefault("author");
        if (string.IsNullOrWhiteSpace(authorField) && !string.IsNullOrWhiteSpace(entry.Fields.GetValueOrDefault("editor")))
        {
            authorField = entry.Fields["editor"];
            warnings.Add("There is no author field; the editors are listed as the authors.");
        }
        var names = string.IsNullOrWhiteSpace(authorField) ? [] : BibtexNames.Parse(authorField).Where(n => n.IsOthers || n.Display.Length > 0).ToList();
        if (names.Count == 0)
        {
            return new MappingResult(null, "The entry has no authors (the author field is missing or empty).");
        }
        if (names.Count > MaxAuthors)
        {
            return new MappingResult(null, $"The entry has {names.Count:N0} authors; a publication has at most {MaxAuthors:N0} here.");
        }
        if (names.FirstOrDefault(n => n.Display.Length > 200) is { } longName)
        {
            return new MappingResult(null, $"The author name “{longName.Display[..40]}…” is longer than 200 characters; is an “and” missing between names?");
        }

        var type = entry.Type.ToLowerInvariant();
        var venue = type switch
        {
            "article" => Text("journal") ?? Text("journaltitle"),
            "phdthesis" or "mastersthesis" or "thesis" => Text("school") ?? Text("institution"),
            "techreport" or "report" => Text("institution"),
            _ => Text("booktitle") ?? Text("journal") ?? Text("journaltitle") ?? Text("howpublished") ?? Text("organization"),
        };
        if (venue is not null && (venue.StartsWith("http", StringComparison.OrdinalIgnoreCase) || venue.StartsWith("\\url", StringComparison.Ordinal)))
        {
            venue = null;
        }
        var fieldsForLimits = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["title"] = title, ["venue"] = venue, ["abbr"] = Text("abbr"), ["abstract"] = Text("abstract"),
            ["volume"] = Text("volume"), ["number"] = Text("number") ?? Text("issue"), ["pages"] = Text("pages"),
            ["publisher"] = Text("publisher"), ["note"] = Text("note"),
        };
        foreach (var (field, max, what) in Limits)
        {
            if (fieldsForLimits[field] is { Length: var length } && length > max)
            {
                return new MappingResult(null, $"{what} is {length:N0} characters long; the limit is {max:N0}.");
            }
        }

        var venueShort = Text("abbr") ?? Text("venue_short");
        if (venueShort is null && venue is not null && VenueAcronym(venue) is { } acronym)
        {
            venueShort = acronym.Short;
            venue = acronym.FullName;
        }
        var (badges, note) = SplitDistinctions(Text("note"));

        var publication = new Publication
        {
            Title = title,
            VenueName = venue,
            VenueShort = venueShort is { Length: <= 50 } ? venueShort : null,
            Summary = SummaryOf(SummaryFields.Select(Text).FirstOrDefault(s => s is not null))
                ?? (options.AbstractsAsSummaries ? SummaryOf(Text("abstract")) : null),
            Abstract = Text("abstract"),
            Volume = Text("volume"),
            Number = Text("number") ?? Text("issue"),
            Pages = Text("pages"),
            Publisher = Text("publisher"),
            Note = note,
            CitationKey = entry.Key.Length is > 0 and <= 200 ? entry.Key : null,
            Keywords = SplitList(Text("keywords"), [',', ';']),
        };

        // A backup lists every link with its kind and label; then its url is the paper's own, whatever its host.
        var listsItsLinks = entry.Fields.ContainsKey(BibtexWriter.LinkFieldNames(1).Url);
        ReadDate(text, publication, warnings);
        ReadIdentifiers(entry, text, publication, listsItsLinks, warnings);
        publication.Type = TypeOf(type, Text("pubtype"), venue, publication.ArxivId is not null, warnings);
        publication.Status = StatusOf(Text("pubstatus"), publication, type, Text("note"), Text("year"), warnings);
        publication.Badges = (Text("award_name") is { } awardName ? [awardName] : SplitList(Text("award"), [';']))
            .Concat(badges)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(50)
            .ToList();
        if (listsItsLinks)
        {
            ReadNumberedLinks(entry, text, publication, warnings);
        }
        else
        {
            ReadLinks(entry, publication, warnings);
        }

        for (var i = 0; i < names.Count; i++)
        {
            publication.Authors.Add(new PublicationAuthor
            {
                Position = i,
                Name = names[i].Display,
                EqualContribution = names[i].EqualContribution,
                Corresponding = names[i].Corresponding,
            });
        }
        var selected = IsYes(Text("selected"));
        return new MappingResult(new MappedPublication(publication, names, selected, warnings) { Hidden = IsYes(Text(BibtexWriter.HiddenField)) }, null);
    }

    private static bool IsYes(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    private static void ReadDate(Dictionary<string, string> text, Publication publication, List<string> warnings)
    {
        var year = text.GetValueOrDefault("year");
        var month = text.GetValueOrDefault("month");
        if (text.GetValueOrDefault("date") is { Length: >= 4 } date)
        {
            // biblatex: date = {2023-05} or {2023-05-17}
            year ??= date[..4];
            month ??= date.Length >= 7 ? date[5..7] : null;
        }
        if (string.IsNullOrEmpty(year))
        {
            warnings.Add("There is no year; the paper is listed as undated.");
        }
        else if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 2999)
        {
            publication.Year = y;
        }
        else if (!Statuses.ContainsKey(year))
        {
            warnings.Add($"The year “{year}” is not a year; the paper is listed as undated.");
        }
        if (!string.IsNullOrEmpty(month))
        {
            publication.Month = MonthOf(month);
            if (publication.Month is null)
            {
                warnings.Add($"The month “{month}” was not understood and is left out.");
            }
        }
    }

    private static int? MonthOf(string month)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return m is >= 1 and <= 12 ? m : null;
        }
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var i = 1; i <= 12; i++)
        {
            if (month.Equals(names.GetMonthName(i), StringComparison.OrdinalIgnoreCase)
                || month.TrimEnd('.').Equals(names.GetAbbreviatedMonthName(i), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }

    private static void ReadIdentifiers(BibtexEntry entry, Dictionary<string, string> text, Publication publication, bool listsItsLinks, List<string> warnings)
    {
        if (Raw(entry, "doi") is { } doi)
        {
            publication.Doi = ScholarlyIds.NormalizeDoi(doi);
            if (publication.Doi is null)
            {
                warnings.Add($"The doi “{doi}” is not a DOI (they look like 10.1234/abc) and is left out.");
            }
        }

        var url = Raw(entry, "url");
        if (url is not null && !SafeUrl.IsHttpUrl(url))
        {
            warnings.Add($"The url “{url}” is not a web address starting with http:// or https:// and is left out.");
            url = null;
        }
        if (publication.Doi is null && url is not null && url.Contains("doi.org/", StringComparison.OrdinalIgnoreCase))
        {
            publication.Doi = ScholarlyIds.NormalizeDoi(url);
        }

        var eprint = Raw(entry, "eprint");
        var archive = text.GetValueOrDefault("archiveprefix") ?? text.GetValueOrDefault("eprinttype");
        string? arxiv = null;
        if (eprint is not null && (archive is null || archive.Equals("arxiv", StringComparison.OrdinalIgnoreCase)))
        {
            arxiv = ScholarlyIds.NormalizeArxivId(eprint);
            if (arxiv is null && archive is not null)
            {
                warnings.Add($"The eprint “{eprint}” is not an arXiv identifier and is left out.");
            }
        }
        // Google Scholar and arXiv's own exports put the id in the journal or note field, or only in the url.
        arxiv ??= new[] { text.GetValueOrDefault("journal"), text.GetValueOrDefault("note"), text.GetValueOrDefault("howpublished"), url }
            .Select(s => s is null ? null : ArxivMention().Match(s))
            .Where(m => m is { Success: true })
            .Select(m => ScholarlyIds.NormalizeArxivId(m!.Groups["id"].Value))
            .FirstOrDefault(id => id is not null);
        publication.ArxivId = arxiv;

        // A url that only repeats the DOI or arXiv id adds nothing.
        var repeatsIdentifier = url is not null
            && ((publication.Doi is not null && url.Contains("doi.org/", StringComparison.OrdinalIgnoreCase))
                || (publication.ArxivId is not null && url.Contains("arxiv.org/abs/", StringComparison.OrdinalIgnoreCase)));
        if (repeatsIdentifier || url is { Length: > 2048 })
        {
            return;
        }
        if (url is not null && !listsItsLinks && LinkForUrl(url) is { } link)
        {
            publication.Links.Add(link);
        }
        else
        {
            publication.Url = url;
        }
    }

    /// <summary>
    /// The link a <c>url</c> field becomes when its host says what it is (arXiv, code, OpenReview);
    /// null when it is the paper itself, which stays the paper's own URL, shown as "Paper".
    /// </summary>
    public static PublicationLink? LinkForUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        bool Is(string domain) => host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
        if (Is("arxiv.org"))
        {
            return uri.AbsolutePath.StartsWith("/pdf/", StringComparison.OrdinalIgnoreCase)
                ? new PublicationLink { Kind = PublicationLinkKind.Pdf, Label = "arXiv", Url = url }
                : new PublicationLink { Kind = PublicationLinkKind.Other, Label = "arXiv", Url = url };
        }
        if (Is("github.com"))
        {
            return new PublicationLink { Kind = PublicationLinkKind.Code, Url = url };
        }
        if (Is("openreview.net"))
        {
            return new PublicationLink { Kind = PublicationLinkKind.Other, Label = "OpenReview", Url = url };
        }
        return null;
    }

    /// <summary>
    /// A summary within <see cref="MaxSummaryLength"/>: the first paragraph's whole sentences that fit,
    /// or, when even the first sentence is longer, its words that fit followed by an ellipsis.
    /// </summary>
    public static string? SummaryOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var paragraph = ParagraphBreak().Split(text.Trim())[0];
        paragraph = Whitespace().Replace(paragraph, " ").Trim();
        if (paragraph.Length <= MaxSummaryLength)
        {
            return paragraph;
        }
        var cut = SentenceEnd().Matches(paragraph[..MaxSummaryLength]).LastOrDefault();
        if (cut is not null)
        {
            return paragraph[..(cut.Index + 1)];
        }
        var words = paragraph[..(MaxSummaryLength - 1)];
        var space = words.LastIndexOf(' ');
        return (space > 0 ? words[..space] : words).TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>
    /// The short venue a booktitle names at its end: "Learning Representations (ICLR)" or
    /// "..., ICLR 2022". The acronym is taken out of the full name only when it was clearly appended
    /// to it (in parentheses, or after a comma); a booktitle that is only "ICLR 2022" keeps it.
    /// </summary>
    public static (string Short, string FullName)? VenueAcronym(string venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        if (ParenthesisedAcronym().Match(venue) is { Success: true } inParentheses)
        {
            var rest = venue[..inParentheses.Index].TrimEnd(' ', ',', '-', '–');
            return (inParentheses.Groups["acronym"].Value, rest.Length > 0 ? rest : venue);
        }
        if (AcronymAndYear().Match(venue) is { Success: true } withYear)
        {
            var before = venue[..withYear.Index];
            var appended = before.TrimEnd().EndsWith(',') || before.TrimEnd().EndsWith('–') || before.TrimEnd().EndsWith(" -", StringComparison.Ordinal);
            var rest = before.TrimEnd(' ', ',', '-', '–');
            return (withYear.Groups["acronym"].Value, appended && rest.Length > 0 ? rest : venue);
        }
        return null;
    }

    /// <summary>
    /// Splits a note into the distinctions it names (Spotlight, Oral, Best Paper...), which become
    /// badges, and whatever else it says, which stays the note.
    /// </summary>
    public static (List<string> Badges, string? Note) SplitDistinctions(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return ([], null);
        }
        var parts = note.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var badges = parts.Where(p => p.Length <= 100 && Distinction().IsMatch(p)).ToList();
        if (badges.Count == 0)
        {
            return ([], note);
        }
        var rest = parts.Where(p => !badges.Contains(p)).ToList();
        return (badges.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), rest.Count == 0 ? null : string.Join(", ", rest));
    }

    private static PublicationType TypeOf(string type, string? pubtype, string? venue, bool hasArxiv, List<string> warnings)
    {
        switch (pubtype?.ToLowerInvariant())
        {
            case "workshop":
                return PublicationType.Workshop;
            case "invited":
            case "invited paper":
                return PublicationType.InvitedPaper;
            case null:
                break;
            default:
                if (Enum.TryParse<PublicationType>(pubtype.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var named))
                {
                    return named;
                }
                warnings.Add($"The pubtype “{pubtype}” is not one of this site's types; the entry type decides instead.");
                break;
        }
        var isArxivVenue = venue is not null && (venue.Contains("arXiv", StringComparison.OrdinalIgnoreCase) || venue.Equals("CoRR", StringComparison.OrdinalIgnoreCase));
        return type switch
        {
            "article" when isArxivVenue => PublicationType.Preprint,
            "article" => PublicationType.Journal,
            "inproceedings" or "conference" when venue is not null && venue.Contains("workshop", StringComparison.OrdinalIgnoreCase) => PublicationType.Workshop,
            "inproceedings" or "conference" => PublicationType.Conference,
            "incollection" or "inbook" => PublicationType.BookChapter,
            "phdthesis" or "mastersthesis" or "thesis" => PublicationType.Thesis,
            "misc" or "unpublished" or "online" or "preprint" or "article" when hasArxiv || isArxivVenue => PublicationType.Preprint,
            "preprint" => PublicationType.Preprint,
            _ => PublicationType.Other,
        };
    }

    private static PublicationStatus StatusOf(string? pubstatus, Publication publication, string type, string? note, string? year, List<string> warnings)
    {
        if (pubstatus is not null)
        {
            if (Statuses.TryGetValue(pubstatus.Replace('-', ' '), out var status))
            {
                return status;
            }
            warnings.Add($"The pubstatus “{pubstatus}” was not understood; the status is worked out from the other fields.");
        }
        if (year is not null && Statuses.TryGetValue(year, out var fromYear))
        {
            return fromYear;
        }
        if (note is not null)
        {
            foreach (var (words, status) in Statuses)
            {
                if (status != PublicationStatus.Published && note.Contains(words, StringComparison.OrdinalIgnoreCase))
                {
                    return status;
                }
            }
        }
        return publication.Type == PublicationType.Preprint ? PublicationStatus.Preprint
            : type == "unpublished" ? PublicationStatus.InPreparation
            : PublicationStatus.Published;
    }

    private static void ReadLinks(BibtexEntry entry, Publication publication, List<string> warnings)
    {
        foreach (var (field, kind) in LinkFields)
        {
            if (Raw(entry, field) is not { } value)
            {
                continue;
            }
            if (!SafeUrl.IsHttpUrl(value) || value.Length > 2048)
            {
                warnings.Add($"The {field} link “{value}” is not a web address starting with http:// or https:// and is left out.");
                continue;
            }
            if (publication.Links.Any(l => l.Url == value))
            {
                continue;
            }
            publication.Links.Add(new PublicationLink { Kind = kind, Url = value, SortOrder = publication.Links.Count });
        }
    }

    /// <summary>
    /// A backup's links in their order: <c>link1</c>, <c>link2</c>, ... until one is missing, each with
    /// its kind (<c>link1_kind</c>, Other when missing or unknown) and label (<c>link1_label</c>).
    /// </summary>
    private static void ReadNumberedLinks(BibtexEntry entry, Dictionary<string, string> text, Publication publication, List<string> warnings)
    {
        for (var number = 1; number <= BibtexWriter.MaxBackupLinks; number++)
        {
            var (urlField, kindField, labelField) = BibtexWriter.LinkFieldNames(number);
            if (Raw(entry, urlField) is not { } value)
            {
                return;
            }
            if (!SafeUrl.IsHttpUrl(value) || value.Length > 2048)
            {
                warnings.Add($"The {urlField} link “{value}” is not a web address starting with http:// or https:// and is left out.");
                continue;
            }
            var kind = PublicationLinkKind.Other;
            if (text.GetValueOrDefault(kindField) is { Length: > 0 } kindName
                && !(Enum.TryParse(kindName, ignoreCase: true, out kind) && Enum.IsDefined(kind)))
            {
                warnings.Add($"The {kindField} “{kindName}” is not one of this site's kinds of link; the link is listed as Other.");
                kind = PublicationLinkKind.Other;
            }
            var label = text.GetValueOrDefault(labelField) is { Length: > 0 } l ? l : null;
            if (label is { Length: > MaxLinkLabelLength })
            {
                warnings.Add($"The {labelField} is longer than {MaxLinkLabelLength} characters and is left out.");
                label = null;
            }
            publication.Links.Add(new PublicationLink { Kind = kind, Label = label, Url = value, SortOrder = publication.Links.Count });
        }
    }

    /// <summary>The longest link label the site keeps.</summary>
    private const int MaxLinkLabelLength = 100;

    /// <summary>A field read as a URL or identifier: braces dropped, escaped characters unescaped, no other LaTeX conversion.</summary>
    private static string? Raw(BibtexEntry entry, string field)
    {
        if (!entry.Fields.TryGetValue(field, out var value))
        {
            return null;
        }
        var text = value.Replace("\\url{", "", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        foreach (var special in new[] { "_", "%", "#", "&", "~", "$" })
        {
            text = text.Replace("\\" + special, special, StringComparison.Ordinal);
        }
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static List<string> SplitList(string? text, char[] separators) =>
        text is null ? [] : text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length <= 100)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(50)
            .ToList();

    [GeneratedRegex(@"^(?:spotlight|oral|best\s+(?:student\s+|demo\s+|short\s+)?paper|outstanding\s+(?:student\s+)?paper|invited\s+paper|honou?rable\s+mention|distinguished\s+paper)\b(?:\s+(?:presentation|talk|award|paper|runner-up|finalist))?(?:\s+(?:for|at)\s+[^()]{1,60})?(?:\s*\([^()]{1,40}\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Distinction();

    // An acronym has at least two capitals and no spaces: ICLR, NeurIPS, CoRL, ACL-IJCNLP.
    [GeneratedRegex(@"\s*\((?<acronym>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9\-]*)(?:\s*'?\d{2,4})?\)\s*$")]
    private static partial Regex ParenthesisedAcronym();

    [GeneratedRegex(@"(?<=^|[\s,(–-])(?<acronym>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9\-]*)\s+'?(?:19|20)?\d{2}\s*$")]
    private static partial Regex AcronymAndYear();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A full stop, question or exclamation mark followed by a space or the end: where a sentence ends.
    [GeneratedRegex(@"[.?!](?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:arXiv:\s*|arxiv\.org/(?:abs|pdf)/)(?<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivMention();
}
