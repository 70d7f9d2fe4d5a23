using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// /people/{slug}/publications: the visible publications by year, a page at a time
/// (?page=2, <see cref="SiteOptions.PublicationsPageSize"/> papers a page), filtered by type,
/// status and year through the query string (?type=conference&amp;status=under-review&amp;year=2023),
/// so the filters and pages are plain links that work without JavaScript.
/// </summary>
/// <remarks>
/// The work per request is bounded by the page size, not by the length of the list: the facet
/// counts come from one grouped query, the page's entries from Skip/Take in SQL, and only that
/// page's authors and links are loaded.
/// </remarks>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy, VaryByQueryKeys = [PageKey, Filter.TypeKey, Filter.StatusKey, Filter.YearKey])]
public class PublicationsModel(AppDbContext db, IOptions<SiteOptions> site, PublicUrl publicUrl, HomeProfile home) : PageModel
{
    public const string PageKey = "page";

    public ResearcherHeader Header { get; private set; } = null!;
    /// <summary>The year groups of this page.</summary>
    public IReadOnlyList<YearGroup> Years { get; private set; } = [];
    /// <summary>Every year with matching papers, for the year index: each links to the page it starts on.</summary>
    public IReadOnlyList<YearLink> YearIndex { get; private set; } = [];
    /// <summary>All visible publications, before filtering.</summary>
    public int Total { get; private set; }
    /// <summary>The cited-by counts of every visible paper added up (filters aside), when the owner shows them and any paper has one.</summary>
    public CitationTotal? Citations { get; private set; }
    /// <summary>The publications the filters let through.</summary>
    public int Matching { get; private set; }
    public Filter Active { get; private set; } = Filter.None;
    public IReadOnlyList<Facet> Facets { get; private set; } = [];
    public string? Legend { get; private set; }
    public bool AnyHighlighted { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    /// <summary>The position in the filtered list of this page's first and last paper, from 1.</summary>
    public (int First, int Last) Shown { get; private set; }

    public string ListPath => $"/people/{Header.Slug}/publications";

    /// <summary>This list, with the active filters, at page <paramref name="number"/>; page 1 has no page parameter.</summary>
    public string PageUrl(int number)
    {
        var url = Active.ToUrl(ListPath);
        return number == 1 ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{PageKey}={number.ToString(CultureInfo.InvariantCulture)}";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // A value outside the known ones is a 404 rather than an ignored filter: links never make
        // one, and every distinct query string would otherwise be a page of its own in the cache.
        if (!Filter.TryParse(Request.Query, out var filter) || !TryParsePage(Request.Query[PageKey], out var pageNumber))
        {
            return NotFound();
        }
        var header = await ResearcherHeader.FindAsync(db, home, slug, ct);
        if (header is null || !header.ShowsPublications)
        {
            return NotFound();
        }
        Header = header;
        Active = filter;
        PublicPageTags.MarkProfile(HttpContext, header.Id);

        var visible = PublicationQueries.Visible(db, header.Id);
        var combinations = await visible
            .GroupBy(pp => new { pp.Publication!.Type, pp.Publication.Status, pp.Publication.Year })
            .Select(g => new Combination(g.Key.Type, g.Key.Status, g.Key.Year, g.Count()))
            .ToListAsync(ct);
        Total = combinations.Sum(c => c.Count);
        // Only the owner's consent shows counts: a co-author's opt-in may have stored some for shared papers.
        Citations = header.ShowCitationCounts && Total > 0 ? await CitationTotal.ForProfileAsync(db, header.Id, ct) : null;
        Facets = Facet.All(combinations, filter, ListPath);
        var matching = combinations.Where(c => filter.Matches(c.Type, c.Status, c.Year)).ToList();
        Matching = matching.Sum(c => c.Count);

        var pageSize = Math.Max(1, site.Value.PublicationsPageSize);
        PageCount = Paging.Count(Matching, pageSize);
        if (pageNumber > PageCount)
        {
            return NotFound();
        }
        PageNumber = pageNumber;
        var skip = (pageNumber - 1) * pageSize;

        // Newest year first (undated last); within a year, newest month first, then the owner's order.
        var page = await PublicationQueries.LoadAsync(db, header.Id,
            filter.Apply(visible)
                .OrderByDescending(pp => pp.Publication!.Year ?? int.MinValue)
                .ThenByDescending(pp => pp.Publication!.Month ?? 0)
                .ThenBy(pp => pp.SortOrder)
                .ThenBy(pp => pp.PublicationId)
                .Skip(skip)
                .Take(pageSize),
            header.ShowCitationCounts, withBibtex: false, ct);
        Shown = (skip + 1, skip + page.Count);
        Legend = AuthorList.Legend(page.SelectMany(p => p.Authors));
        AnyHighlighted = page.Any(p => p.IsHighlighted);

        // Where each year starts in the filtered list, from the counts alone.
        var starts = new Dictionary<int, (int Start, int Count)>();
        var position = 0;
        var yearLinks = new List<YearLink>();
        foreach (var year in matching.GroupBy(c => c.Year).OrderByDescending(g => g.Key ?? int.MinValue))
        {
            var count = year.Sum(c => c.Count);
            starts[year.Key ?? int.MinValue] = (position, count);
            var startPage = position / pageSize + 1;
            yearLinks.Add(new YearLink(YearGroup.HeadingFor(year.Key), YearGroup.AnchorFor(year.Key), startPage == pageNumber ? null : PageUrl(startPage)));
            position += count;
        }
        YearIndex = yearLinks;
        Years = page
            .Select(p => p.CitedFrom(header.Slug) with { MarkHighlighted = true })
            .GroupBy(p => p.Year)
            .Select(g =>
            {
                var (start, count) = starts[g.Key ?? int.MinValue];
                return new YearGroup(g.Key, g.ToList(), count)
                {
                    Continued = start < skip,
                    ContinuesOn = start + count > skip + pageSize ? PageUrl(pageNumber + 1) : null,
                };
            })
            .ToList();
        // Each page of the full list holds papers no other page has: it is indexed as itself. A
        // filtered view repeats papers of the full list and is marked noindex instead (see the page).
        if (filter.IsEmpty)
        {
            ViewData.SetPageHead(new PageHead { Canonical = publicUrl.Absolute(PageUrl(pageNumber)) });
        }
        return Page();
    }

    /// <summary>No page parameter is page 1; anything but a page number written plainly (2, not 02) is refused.</summary>
    private static bool TryParsePage(StringValues values, out int pageNumber)
    {
        pageNumber = 1;
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count > 1 || values[0] is not { Length: > 0 and <= 6 } text || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        pageNumber = int.Parse(text, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>How many visible papers have one type, status and year: the facets and pages are counted from these.</summary>
    public sealed record Combination(PublicationType Type, PublicationStatus Status, int? Year, int Count);

    /// <summary>
    /// One year's papers on this page; <see cref="Count"/> is the year's papers in the whole
    /// filtered list, which may begin on an earlier page or go on to the next.
    /// </summary>
    public sealed record YearGroup(int? Year, IReadOnlyList<PublicationView> Publications, int Count)
    {
        /// <summary>The year began on an earlier page.</summary>
        public bool Continued { get; init; }

        /// <summary>The next page's address when the year goes on there.</summary>
        public string? ContinuesOn { get; init; }

        public string Heading => HeadingFor(Year);
        public string Anchor => AnchorFor(Year);

        public static string HeadingFor(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "Undated";

        public static string AnchorFor(int? year) => year is null ? "undated" : $"y{year}";
    }

    /// <summary>An entry of the year index: an anchor on this page, or on the page the year starts on.</summary>
    public sealed record YearLink(string Heading, string Anchor, string? PageUrl)
    {
        public string Href => $"{PageUrl}#{Anchor}";
    }

    /// <summary>
    /// The active filters. Query values are the enums' names in kebab case ("book-chapter",
    /// "under-review"), and a year or "undated"; an empty value means no filter.
    /// </summary>
    public sealed record Filter(PublicationType? Type, PublicationStatus? Status, YearValue? Year)
    {
        public const string TypeKey = "type";
        public const string StatusKey = "status";
        public const string YearKey = "year";

        public static Filter None { get; } = new(null, null, null);

        public bool IsEmpty => this == None;

        public bool Matches(PublicationType type, PublicationStatus status, int? year) =>
            (Type is null || type == Type)
            && (Status is null || status == Status)
            && (Year is null || year == Year.Value.Year);

        /// <summary>The same rule as <see cref="Matches"/>, in SQL.</summary>
        public IQueryable<ProfilePublication> Apply(IQueryable<ProfilePublication> entries)
        {
            if (Type is { } type)
            {
                entries = entries.Where(pp => pp.Publication!.Type == type);
            }
            if (Status is { } status)
            {
                entries = entries.Where(pp => pp.Publication!.Status == status);
            }
            if (Year is { } year)
            {
                var value = year.Year;
                entries = value is null
                    ? entries.Where(pp => pp.Publication!.Year == null)
                    : entries.Where(pp => pp.Publication!.Year == value);
            }
            return entries;
        }

        public static bool TryParse(IQueryCollection query, out Filter filter)
        {
            ArgumentNullException.ThrowIfNull(query);
            filter = None;
            if (!TryParseOne<PublicationType>(query[TypeKey], QueryNames.TryParse, out var type)
                || !TryParseOne<PublicationStatus>(query[StatusKey], QueryNames.TryParse, out var status)
                || !TryParseOne<YearValue>(query[YearKey], YearValue.TryParse, out var year))
            {
                return false;
            }
            filter = new Filter(type, status, year);
            return true;
        }

        /// <summary>The list's address with these filters, parameters always in the same order.</summary>
        public string ToUrl(string path)
        {
            var parts = new List<string>(3);
            if (Type is { } type)
            {
                parts.Add($"{TypeKey}={QueryNames.For(type)}");
            }
            if (Status is { } status)
            {
                parts.Add($"{StatusKey}={QueryNames.For(status)}");
            }
            if (Year is { } year)
            {
                parts.Add($"{YearKey}={year}");
            }
            return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
        }

        private delegate bool Parser<T>(string text, out T value);

        private static bool TryParseOne<T>(StringValues values, Parser<T> parse, out T? value) where T : struct
        {
            value = null;
            if (values.Count == 0 || (values.Count == 1 && string.IsNullOrEmpty(values[0])))
            {
                return true;
            }
            if (values.Count > 1 || !parse(values[0]!, out var parsed))
            {
                return false;
            }
            value = parsed;
            return true;
        }
    }

    /// <summary>A year filter: a year, or the papers without one.</summary>
    public readonly record struct YearValue(int? Year)
    {
        public const string UndatedText = "undated";

        public static bool TryParse(string text, out YearValue value)
        {
            value = default;
            if (text == UndatedText)
            {
                return true;
            }
            if (text.Length == 4 && text.All(char.IsAsciiDigit))
            {
                value = new YearValue(int.Parse(text, CultureInfo.InvariantCulture));
                return true;
            }
            return false;
        }

        public string Label => Year?.ToString(CultureInfo.InvariantCulture) ?? "Undated";

        public override string ToString() => Year?.ToString(CultureInfo.InvariantCulture) ?? UndatedText;
    }

    /// <summary>One filterable property: "Type: All (42) · Conference (20) · Journal (8)".</summary>
    public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values)
    {
        /// <summary>The type, status and year facets, each counted with the other two filters applied.</summary>
        public static IReadOnlyList<Facet> All(IReadOnlyList<Combination> combinations, Filter active, string path) =>
        [
            Build("Type", combinations, active with { Type = null }, path, c => c.Type, active.Type,
                LinkLabels.For, (f, v) => f with { Type = v }, v => (int)v),
            Build("Status", combinations, active with { Status = null }, path, c => c.Status, active.Status,
                PublicationChoices.StatusText, (f, v) => f with { Status = v }, v => (int)v),
            Build("Year", combinations, active with { Year = null }, path, c => new YearValue(c.Year), active.Year,
                v => v.Label, (f, v) => f with { Year = v }, v => v.Year is int y ? -y : int.MaxValue),
        ];

        /// <summary>
        /// "All", then each value that occurs among the papers the other filters let through, and the
        /// active value even when nothing matches it any more, so it can still be seen and undone.
        /// </summary>
        private static Facet Build<T>(
            string name, IReadOnlyList<Combination> combinations, Filter others, string path,
            Func<Combination, T> valueOf, T? current, Func<T, string> label, Func<Filter, T, Filter> with, Func<T, int> sortKey)
            where T : struct
        {
            var candidates = combinations.Where(c => others.Matches(c.Type, c.Status, c.Year)).ToList();
            var counts = candidates.GroupBy(valueOf).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            if (current is { } selected)
            {
                counts.TryAdd(selected, 0);
            }
            List<FacetValue> values = [new("All", candidates.Sum(c => c.Count), others.ToUrl(path), current is null)];
            values.AddRange(counts.Keys.OrderBy(sortKey).Select(v =>
                new FacetValue(label(v), counts[v], with(others, v).ToUrl(path), current is { } c && c.Equals(v))));
            return new Facet(name, values);
        }
    }

    /// <summary>A choice in a facet with the number of papers it would show.</summary>
    public sealed record FacetValue(string Label, int Count, string Url, bool IsActive);

    /// <summary>Enum values as they appear in query strings: BookChapter ↔ "book-chapter".</summary>
    private static class QueryNames
    {
        public static string For<T>(T value) where T : struct, Enum =>
            string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

        public static bool TryParse<T>(string text, out T value) where T : struct, Enum
        {
            foreach (var candidate in Enum.GetValues<T>())
            {
                if (For(candidate) == text)
                {
                    value = candidate;
                    return true;
                }
            }
            value = default;
            return false;
        }
    }
}
