using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Publications;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Pages;

namespace ResearcherProfiles.Web.Editing;

/// <summary>What the publication form posts. Owner, profile and record ids are not in it: they come from the route.</summary>
public sealed class PublicationInput : SectionInput
{
    /// <summary>The same limit as the BibTeX import, so any imported paper can be edited and saved.</summary>
    public const int MaxAuthors = BibtexPublicationMapper.MaxAuthors;
    public const int MaxLinks = LinkRows.MaxRows;

    /// <summary>
    /// Form values the editor posts at most: five per author row (name, researcher, profile
    /// address and the two checkboxes) with one to spare, three per link row, the spare rows the
    /// page adds, and the paper's own fields with the pasted author list. The framework's default of 1,024 would refuse a paper of about
    /// 170 authors before any of it could be read.
    /// </summary>
    public const int MaxFormValues = (MaxAuthors + 5) * 6 + (MaxLinks + 5) * 3 + 100;
    public const int MaxBadges = 20;
    public const int MaxBadgeLength = 100;

    [Display(Name = "Title")]
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(500, ErrorMessage = "The title is at most {1} characters.")]
    public string? Title { get; set; }

    [Display(Name = "Venue, full name")]
    [StringLength(300, ErrorMessage = "The venue's name is at most {1} characters.")]
    public string? VenueName { get; set; }

    [Display(Name = "Venue, short name")]
    [StringLength(50, ErrorMessage = "The short venue name is at most {1} characters.")]
    public string? VenueShort { get; set; }

    [Display(Name = "Year")]
    [Range(PartialDate.MinYear, PartialDate.MaxYear, ErrorMessage = "Enter a year between {1} and {2}.")]
    public int? Year { get; set; }

    [Display(Name = "Month (optional)")]
    [Range(1, 12, ErrorMessage = "Choose a month from the list.")]
    public int? Month { get; set; }

    [Display(Name = "Type")]
    public PublicationType Type { get; set; } = PublicationType.Conference;

    [Display(Name = "Status")]
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    [Display(Name = "Badges, one per line")]
    [StringLength(2000, ErrorMessage = "The badges are at most {1} characters together.")]
    public string? Badges { get; set; }

    [Display(Name = "DOI")]
    [StringLength(200, ErrorMessage = "A DOI is at most {1} characters.")]
    public string? Doi { get; set; }

    [Display(Name = "arXiv identifier")]
    [StringLength(50, ErrorMessage = "An arXiv identifier is at most {1} characters.")]
    public string? ArxivId { get; set; }

    [Display(Name = "Paper URL")]
    [StringLength(2048, ErrorMessage = "A web address is at most {1} characters.")]
    public string? Url { get; set; }

    [Display(Name = "Volume")]
    [StringLength(PublicationLimits.Volume, ErrorMessage = "The volume is at most {1} characters.")]
    public string? Volume { get; set; }

    [Display(Name = "Issue / number")]
    [StringLength(PublicationLimits.Number, ErrorMessage = "The issue or number is at most {1} characters.")]
    public string? Number { get; set; }

    [Display(Name = "Pages")]
    [StringLength(PublicationLimits.Pages, ErrorMessage = "The pages are at most {1} characters.")]
    public string? Pages { get; set; }

    [Display(Name = "Publisher")]
    [StringLength(PublicationLimits.Publisher, ErrorMessage = "The publisher is at most {1} characters.")]
    public string? Publisher { get; set; }

    [Display(Name = "Note")]
    [StringLength(PublicationLimits.Note, ErrorMessage = "The note is at most {1} characters.")]
    public string? Note { get; set; }

    [Display(Name = "One-paragraph summary")]
    [StringLength(BibtexPublicationMapper.MaxSummaryLength, ErrorMessage = "The summary is at most {1} characters.")]
    public string? Summary { get; set; }

    [Display(Name = "Abstract (optional)")]
    [StringLength(10_000, ErrorMessage = "The abstract is at most {1} characters.")]
    public string? Abstract { get; set; }

    public List<AuthorInput> Authors { get; set; } = [];

    public List<LinkRowInput<PublicationLinkKind>> Links { get; set; } = [];

    /// <summary>
    /// A whole author list pasted into one box ("A. Smith, B. Jones and C. Wu", one per line, or
    /// BibTeX's "Smith, A. and Jones, B."): "Fill the author rows", or a save, replaces the rows with its names.
    /// </summary>
    [Display(Name = "Paste an author list")]
    [StringLength(AuthorListParser.MaxTextLength, ErrorMessage = "A pasted author list is at most {1} characters.")]
    public string? AuthorPaste { get; set; }

    /// <summary>The author rows in words, as a stale save lists them (see <see cref="FormSnapshot"/>).</summary>
    [Display(Name = "Authors")]
    public string AuthorSummary => string.Join(", ", Authors.Where(a => !a.IsBlank)
        .Select(a => $"{a.Name?.Trim()}{(a.EqualContribution ? "*" : "")}{(a.Corresponding ? "†" : "")}"));

    /// <summary>The link rows in words, as a stale save lists them.</summary>
    [Display(Name = "Links")]
    public string LinkSummary => string.Join("; ", Links.Where(l => !l.IsBlank)
        .Select(l => $"{LinkLabels.For(l.Kind)} {l.Label?.Trim()} {l.Url?.Trim()}".Trim()));

    public sealed class AuthorInput
    {
        /// <summary>The longest author name the database stores.</summary>
        public const int MaxNameLength = 200;

        [StringLength(MaxNameLength, ErrorMessage = "An author's name is at most {1} characters.")]
        public string? Name { get; set; }

        [Display(Name = "On-site researcher")]
        public int? ResearcherId { get; set; }

        [Display(Name = "Equal contribution")]
        public bool EqualContribution { get; set; }

        public bool Corresponding { get; set; }

        /// <summary>
        /// The profile address (slug, or the whole /people/{slug} URL) of a researcher on this site
        /// who is not among the choices of <see cref="ResearcherId"/>; the editor links it on submit.
        /// </summary>
        [Display(Name = "Profile address")]
        [StringLength(300, ErrorMessage = "A profile address is at most {1} characters.")]
        public string? ProfileAddress { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && ResearcherId is null && string.IsNullOrWhiteSpace(ProfileAddress)
            && !EqualContribution && !Corresponding;
    }

    public static PublicationInput From(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return new PublicationInput
        {
            Version = publication.Version,
            Title = publication.Title,
            VenueName = publication.VenueName,
            VenueShort = publication.VenueShort,
            Year = publication.Year,
            Month = publication.Month,
            Type = publication.Type,
            Status = publication.Status,
            Badges = string.Join('\n', publication.Badges),
            Doi = publication.Doi,
            ArxivId = publication.ArxivId,
            Url = publication.Url,
            Volume = publication.Volume,
            Number = publication.Number,
            Pages = publication.Pages,
            Publisher = publication.Publisher,
            Note = publication.Note,
            Summary = publication.Summary,
            Abstract = publication.Abstract,
            Authors = publication.Authors.OrderBy(a => a.Position).Select(a => new AuthorInput
            {
                Name = a.Name,
                ResearcherId = a.ResearcherId,
                EqualContribution = a.EqualContribution,
                Corresponding = a.Corresponding,
            }).ToList(),
            Links = publication.Links.OrderBy(l => l.SortOrder)
                .Select(l => new LinkRowInput<PublicationLinkKind> { Kind = l.Kind, Label = l.Label, Url = l.Url }).ToList(),
        };
    }

    /// <summary>Empty rows so that authors and links can be added without JavaScript.</summary>
    public void AddBlankRows(int authors, int links)
    {
        for (var i = 0; i < authors; i++)
        {
            Authors.Add(new AuthorInput());
        }
        Links.AddRange(LinkRows.Blank<PublicationLinkKind>(links));
    }

    /// <summary>
    /// The checks data annotations cannot make. Errors are keyed by the posted row index, so they
    /// appear next to the row the person typed in; blank rows are ignored.
    /// </summary>
    /// <param name="researchers">The researchers the rows link to that exist, with every form of their name.</param>
    public void Validate(ModelStateDictionary modelState, IReadOnlyDictionary<int, KnownPerson> researchers, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(researchers);
        var names = new AuthorMatcher(researchers.Values);
        if (Month is not null && Year is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Year)}", "Enter the year as well as the month.");
        }
        if (!string.IsNullOrWhiteSpace(Url) && !SafeUrl.IsHttpUrl(Url.Trim()))
        {
            modelState.AddModelError($"{prefix}.{nameof(Url)}", UrlMessage);
        }
        if (!string.IsNullOrWhiteSpace(Doi) && ScholarlyIds.NormalizeDoi(Doi) is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Doi)}", "Enter a DOI such as 10.18653/v1/2023.acl-long.1.");
        }
        if (!string.IsNullOrWhiteSpace(ArxivId) && ScholarlyIds.NormalizeArxivId(ArxivId) is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(ArxivId)}", "Enter an arXiv identifier such as 2403.16952 or cs/0112017.");
        }
        var badges = BadgeList();
        if (badges.Count > MaxBadges)
        {
            modelState.AddModelError($"{prefix}.{nameof(Badges)}", $"Enter at most {MaxBadges} badges.");
        }
        if (badges.Any(b => b.Length > MaxBadgeLength))
        {
            modelState.AddModelError($"{prefix}.{nameof(Badges)}", $"Each badge is at most {MaxBadgeLength} characters.");
        }

        // Blank rows are the spare ones the page adds; they are not authors.
        if (Authors.Count(a => !a.IsBlank) > MaxAuthors)
        {
            modelState.AddModelError($"{prefix}.{nameof(Authors)}", $"A publication has at most {MaxAuthors} authors here.");
        }
        if (Authors.All(a => a.IsBlank))
        {
            modelState.AddModelError($"{prefix}.{nameof(Authors)}", "Add at least one author.");
        }
        var linkedRows = new Dictionary<int, int>();
        for (var i = 0; i < Authors.Count; i++)
        {
            var author = Authors[i];
            if (author.IsBlank)
            {
                continue;
            }
            // One person is one author of a paper: a second row linked to the same profile is a slip.
            if (author.ResearcherId is int linked && researchers.ContainsKey(linked) && !linkedRows.TryAdd(linked, i))
            {
                modelState.AddModelError($"{prefix}.{nameof(Authors)}[{i}].{nameof(AuthorInput.ResearcherId)}",
                    $"{names.DisplayNameOf(linked)} is author {linkedRows[linked] + 1} already; link their profile to one row only, or choose “not on this site” here.");
            }
            if (string.IsNullOrWhiteSpace(author.Name) && author.ResearcherId is null)
            {
                modelState.AddModelError($"{prefix}.{nameof(Authors)}[{i}].{nameof(AuthorInput.Name)}", "Enter the author's name, or remove the row.");
            }
            if (author.ResearcherId is int id && !researchers.ContainsKey(id))
            {
                modelState.AddModelError($"{prefix}.{nameof(Authors)}[{i}].{nameof(AuthorInput.ResearcherId)}", "Choose a researcher from the list.");
            }
            // The link follows the name: a name typed over a pre-filled row must not stay attributed to its researcher.
            else if (author.ResearcherId is int linkedId && !string.IsNullOrWhiteSpace(author.Name) && !NameFits(names, author.Name, linkedId))
            {
                modelState.AddModelError($"{prefix}.{nameof(Authors)}[{i}].{nameof(AuthorInput.ResearcherId)}",
                    $"“{author.Name.Trim()}” is linked to {names.DisplayNameOf(linkedId)}'s profile; choose the right profile or “not on this site”.");
            }
        }

        LinkRows.Validate(modelState, $"{prefix}.{nameof(Links)}", Links, "A publication");
    }

    private const string UrlMessage = LinkRows.UrlMessage;

    /// <summary>Copies the validated fields onto the record (authors and links are the caller's: they are rows of their own).</summary>
    public void ApplyTo(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        publication.Title = Title!.Trim();
        publication.VenueName = Clean(VenueName);
        publication.VenueShort = Clean(VenueShort);
        publication.Year = Year;
        publication.Month = Month;
        publication.Type = Type;
        publication.Status = Status;
        var badges = BadgeList();
        if (!badges.SequenceEqual(publication.Badges))
        {
            publication.Badges = badges;
        }
        publication.Doi = string.IsNullOrWhiteSpace(Doi) ? null : ScholarlyIds.NormalizeDoi(Doi);
        publication.ArxivId = string.IsNullOrWhiteSpace(ArxivId) ? null : ScholarlyIds.NormalizeArxivId(ArxivId);
        publication.Url = Clean(Url);
        publication.Volume = Clean(Volume);
        publication.Number = Clean(Number);
        publication.Pages = Clean(Pages);
        publication.Publisher = Clean(Publisher);
        publication.Note = Clean(Note);
        publication.Summary = Clean(Summary);
        publication.Abstract = Clean(Abstract);
    }

    /// <summary>
    /// True when <paramref name="name"/> is one way of writing the researcher's name, as the BibTeX
    /// import matches authors: initials, "Surname, Given", accents and name variants all count.
    /// </summary>
    private static bool NameFits(AuthorMatcher names, string name, int researcherId) =>
        string.Equals(name.Trim(), names.DisplayNameOf(researcherId), StringComparison.OrdinalIgnoreCase)
        || (BibtexNames.Parse(name.Trim()) is [var parsed] && names.Find(parsed).Contains(researcherId));

    /// <summary>The authors to save, in order: blank rows dropped, a linked researcher's name filled in when left empty.</summary>
    public IReadOnlyList<AuthorInput> AuthorsToSave(IReadOnlyDictionary<int, string> researcherNames)
    {
        ArgumentNullException.ThrowIfNull(researcherNames);
        return Authors.Where(a => !a.IsBlank).Select(a => new AuthorInput
        {
            Name = string.IsNullOrWhiteSpace(a.Name) ? researcherNames[a.ResearcherId!.Value] : a.Name.Trim(),
            ResearcherId = a.ResearcherId,
            EqualContribution = a.EqualContribution,
            Corresponding = a.Corresponding,
        }).ToList();
    }

    public IReadOnlyList<LinkRowInput<PublicationLinkKind>> LinksToSave() => LinkRows.ToSave(Links);

    public List<string> BadgeList() =>
        (Badges ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The choices of the publication form's selects.</summary>
public static class PublicationChoices
{
    public static IReadOnlyList<SelectListItem> Types { get; } =
        Enum.GetValues<PublicationType>().Select(t => new SelectListItem(LinkLabels.For(t), t.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> Statuses { get; } =
        Enum.GetValues<PublicationStatus>().Select(s => new SelectListItem(StatusText(s), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> LinkKinds { get; } = LinkRows.KindChoices<PublicationLinkKind>(LinkLabels.For);

    public static IReadOnlyList<SelectListItem> Months { get; } =
    [
        new SelectListItem("—", string.Empty),
        .. Enumerable.Range(1, 12).Select(m => new SelectListItem(
            CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m), m.ToString(CultureInfo.InvariantCulture))),
    ];

    public static string StatusText(PublicationStatus status) => status switch
    {
        PublicationStatus.Published => "Published",
        PublicationStatus.Accepted => "Accepted",
        PublicationStatus.UnderReview => "Under review",
        PublicationStatus.Preprint => "Preprint",
        PublicationStatus.InPreparation => "In preparation",
        PublicationStatus.AwaitingRevision => "Awaiting revision",
        _ => status.ToString(),
    };
}
