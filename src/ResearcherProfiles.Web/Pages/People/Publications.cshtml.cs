using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// /people/{slug}/publications: every visible publication by year, filtered by type, status and
/// year through the query string (?type=conference&amp;status=under-review&amp;year=2023), so the
/// filters are plain links that work without JavaScript.
/// </summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class PublicationsModel(AppDbContext db) : PageModel
{
    public ResearcherHeader Header { get; private set; } = null!;
    public IReadOnlyList<YearGroup> Years { get; private set; } = [];
    /// <summary>All visible publications, before filtering.</summary>
    public int Total { get; private set; }
    /// <summary>The publications the filters let through.</summary>
    public int Matching { get; private set; }
    public Filter Active { get; private set; } = Filter.None;
    public IReadOnlyList<Facet> Facets { get; private set; } = [];
    public string? Legend { get; private set; }
    public bool AnyHighlighted { get; private set; }

    public string ListPath => $"/people/{Header.Slug}/publications";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // A value outside the known ones is a 404 rather than an ignored filter: links never make
        // one, and every distinct query string would otherwise be a page of its own in the cache.
        if (!Filter.TryParse(Request.Query, out var filter))
        {
            return NotFound();
        }
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null)
        {
            return NotFound();
        }
        Header = header;
        Active = filter;
        var publications = await PublicationQueries.ForProfileAsync(db, header.Id, highlightedOnly: false, ct);
        Total = publications.Count;
        Facets = Facet.All(publications, filter, ListPath);
        var shown = publications.Where(filter.Matches).ToList();
        Matching = shown.Count;
        Legend = AuthorList.Legend(shown.SelectMany(p => p.Authors));
        AnyHighlighted = shown.Any(p => p.IsHighlighted);
        // Newest year first; within a year, newest month first, then the owner's order.
        Years = shown
            .Select((p, index) => (Publication: p with { MarkHighlighted = true }, index))
            .GroupBy(x => x.Publication.Year)
            .OrderByDescending(g => g.Key ?? int.MinValue)
            .Select(g => new YearGroup(
                g.Key,
                g.OrderByDescending(x => x.Publication.Month ?? 0).ThenBy(x => x.index).Select(x => x.Publication).ToList()))
            .ToList();
        return Page();
    }

    public sealed record YearGroup(int? Year, IReadOnlyList<PublicationView> Publications)
    {
        public string Heading => Year?.ToString(CultureInfo.InvariantCulture) ?? "Undated";
        public string Anchor => Year is null ? "undated" : $"y{Year}";
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

        public bool Matches(PublicationView p) =>
            (Type is null || p.Type == Type)
            && (Status is null || p.Status == Status)
            && (Year is null || p.Year == Year.Value.Year);

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
        public static IReadOnlyList<Facet> All(IReadOnlyList<PublicationView> publications, Filter active, string path) =>
        [
            Build("Type", publications, active with { Type = null }, path, p => p.Type, active.Type,
                LinkLabels.For, (f, v) => f with { Type = v }, v => (int)v),
            Build("Status", publications, active with { Status = null }, path, p => p.Status, active.Status,
                PublicationChoices.StatusText, (f, v) => f with { Status = v }, v => (int)v),
            Build("Year", publications, active with { Year = null }, path, p => new YearValue(p.Year), active.Year,
                v => v.Label, (f, v) => f with { Year = v }, v => v.Year is int y ? -y : int.MaxValue),
        ];

        /// <summary>
        /// "All", then each value that occurs among the papers the other filters let through, and the
        /// active value even when nothing matches it any more, so it can still be seen and undone.
        /// </summary>
        private static Facet Build<T>(
            string name, IReadOnlyList<PublicationView> publications, Filter others, string path,
            Func<PublicationView, T> valueOf, T? current, Func<T, string> label, Func<Filter, T, Filter> with, Func<T, int> sortKey)
            where T : struct
        {
            var candidates = publications.Where(others.Matches).ToList();
            var counts = candidates.GroupBy(valueOf).ToDictionary(g => g.Key, g => g.Count());
            if (current is { } selected)
            {
                counts.TryAdd(selected, 0);
            }
            List<FacetValue> values = [new("All", candidates.Count, others.ToUrl(path), current is null)];
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
