using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>A link as a page lists it; <paramref name="ProfileKind"/> is set for a profile's own links.</summary>
public sealed record LinkView(string Label, string Url, ProfileLinkKind? ProfileKind = null);

public sealed record PublicationView(
    int Id,
    string Title,
    IReadOnlyList<AuthorView> Authors,
    string? VenueName,
    string? VenueShort,
    int? Year,
    int? Month,
    PublicationType Type,
    PublicationStatus Status,
    IReadOnlyList<string> Badges,
    IReadOnlyList<LinkView> Links,
    string? Summary,
    bool IsHighlighted)
{
    /// <summary>Whether the list this item is in marks highlighted papers (the full list does, the selection does not).</summary>
    public bool MarkHighlighted { get; init; }

    /// <summary>The paper's BibTeX entry without its abstract, for a "Cite" block that carries it; empty when there is none.</summary>
    public string Bibtex { get; init; } = string.Empty;

    /// <summary>
    /// Where the "Cite" block loads the entry from when it is opened, instead of carrying it: a list of
    /// a hundred papers would otherwise hold a hundred entries that few visitors open.
    /// </summary>
    public string? CitePath { get; init; }

    /// <summary>This paper with a "Cite" block that links to its entry at <paramref name="profileSlug"/>'s address.</summary>
    public PublicationView CitedFrom(string profileSlug) => this with { CitePath = CitationExportEndpoints.CitationPath(profileSlug, Id) };

    /// <summary>The paper's cited-by count, when the profile shows counts and the paper has one above zero.</summary>
    public CitationView? Citation { get; init; }

    /// <summary>The paper's own page.</summary>
    public string PagePath => PaperModel.PathFor(Id, Title);

    public string? DateText => (Year, Month) switch
    {
        (int y, int m) => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m)} {y}",
        (int y, null) => y.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public string? StatusText => Status switch
    {
        PublicationStatus.Published => null,
        PublicationStatus.Accepted => "Accepted",
        PublicationStatus.UnderReview => "Under review",
        PublicationStatus.Preprint => "Preprint",
        PublicationStatus.InPreparation => "In preparation",
        PublicationStatus.AwaitingRevision => "Awaiting revision",
        _ => null,
    };
}

/// <summary>
/// Loads a profile's publications with their authors and links in three queries (four with citation
/// counts; two on PostgreSQL, <see cref="PaperDetails"/>), whatever their number.
/// </summary>
public static partial class PublicationQueries
{
    /// <summary>The profile's visible entries.</summary>
    public static IQueryable<ProfilePublication> Visible(AppDbContext db, int researcherId) =>
        db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId && pp.IsVisible);

    /// <summary>
    /// The publications of <paramref name="entries"/>, in its order, with their authors and links:
    /// three queries, each bounded by what <paramref name="entries"/> selects (a page of a list
    /// selects its page with Skip/Take).
    /// </summary>
    /// <remarks>
    /// With <paramref name="withCitations"/> (the profile shows citation counts) the papers' counts
    /// are read in a fourth query; without, none is read, whatever is stored.
    /// Without <paramref name="withBibtex"/> no BibTeX is written: the CV has no Cite blocks, and the
    /// profile and its list link theirs to <see cref="PublicationView.CitePath"/>.
    /// </remarks>
    public static async Task<IReadOnlyList<PublicationView>> LoadAsync(
        AppDbContext db, int researcherId, IQueryable<ProfilePublication> entries, bool withCitations, bool withBibtex, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return await CompleteAsync(db, researcherId, await entries.Select(ToRow).ToListAsync(ct), withCitations, withBibtex, ct);
    }

    private static async Task<IReadOnlyList<PublicationView>> CompleteAsync(
        AppDbContext db, int researcherId, List<PaperRow> rows, bool withCitations, bool withBibtex, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var details = await PaperDetails.ReadAsync(db, rows.Select(e => e.PublicationId).ToArray(), withCitations, ct);
        return Views(researcherId, rows, details, withBibtex);
    }

    private static List<PublicationView> Views(int researcherId, List<PaperRow> rows, PaperDetails details, bool withBibtex)
    {
        var authors = details.Authors
            .ToLookup(a => a.PublicationId, a => new AuthorView(a.Name, a.Slug, a.ResearcherId == researcherId, a.EqualContribution, a.Corresponding));
        var links = details.Links.ToLookup(l => l.PublicationId);
        var citations = details.Citations.ToDictionary(c => c.PublicationId);

        return rows.Select(e =>
        {
            var identifierLinks = new List<LinkView>();
            if (e.Url is not null && SafeUrl.IsHttpUrl(e.Url))
            {
                identifierLinks.Add(new LinkView("Paper", e.Url));
            }
            if (e.ArxivId is not null)
            {
                identifierLinks.Add(new LinkView($"arXiv:{e.ArxivId}", IdentifierLinks.Arxiv(e.ArxivId)));
            }
            if (e.Doi is not null)
            {
                identifierLinks.Add(new LinkView("DOI", IdentifierLinks.Doi(e.Doi)));
            }
            var citation = !withBibtex ? null : new Publication
            {
                Title = e.Title, VenueName = e.VenueName, VenueShort = e.VenueShort, Year = e.Year, Month = e.Month,
                Type = e.Type, Status = e.Status, Badges = e.Badges, Doi = e.Doi, ArxivId = e.ArxivId, Url = e.Url,
                Volume = e.Volume, Number = e.Number, Pages = e.Pages, Publisher = e.Publisher, Note = e.Note,
                Keywords = e.Keywords, CitationKey = e.CitationKey,
                Authors = authors[e.PublicationId].Select((a, i) => new PublicationAuthor { Name = a.Name, Position = i }).ToList(),
                Links = links[e.PublicationId].ToList(),
            };
            return new PublicationView(
                e.PublicationId, e.Title, authors[e.PublicationId].ToList(), e.VenueName, e.VenueShort,
                e.Year, e.Month, e.Type, e.Status, e.Badges,
                [
                    .. links[e.PublicationId].Where(l => SafeUrl.IsAllowed(l.Url)).Select(l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url)),
                    .. identifierLinks,
                ],
                e.Summary, e.IsHighlighted)
            {
                Bibtex = citation is null ? string.Empty : BibtexWriter.WriteCitation(citation),
                Citation = citations.TryGetValue(e.PublicationId, out var cited) ? new CitationView(cited.Count, cited.Source, cited.ReadAt) : null,
            };
        }).ToList();
    }

    private static readonly Expression<Func<ProfilePublication, PaperRow>> ToRow = pp => new PaperRow(
        pp.PublicationId, pp.IsHighlighted, pp.Publication!.Title, pp.Publication.VenueName, pp.Publication.VenueShort,
        pp.Publication.Year, pp.Publication.Month, pp.Publication.Type, pp.Publication.Status, pp.Publication.Badges,
        pp.Publication.Doi, pp.Publication.ArxivId, pp.Publication.Url, pp.Publication.Summary, pp.Publication.Volume,
        pp.Publication.Number, pp.Publication.Pages, pp.Publication.Publisher, pp.Publication.Note, pp.Publication.Keywords,
        pp.Publication.CitationKey);

    private static readonly CompiledQuery<Func<AppDbContext, int, int, IAsyncEnumerable<PaperRow>>> Selected = new(() => EF.CompileAsyncQuery<AppDbContext, int, int, PaperRow>(
        (AppDbContext db, int researcherId, int count) => db.ProfilePublications
            .Where(pp => pp.ResearcherId == researcherId && pp.IsVisible && pp.IsHighlighted)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.PublicationId)
            .Take(count)
            .Select(ToRow)));

    internal sealed record PaperRow(
        int PublicationId, bool IsHighlighted, string Title, string? VenueName, string? VenueShort, int? Year, int? Month,
        PublicationType Type, PublicationStatus Status, List<string> Badges, string? Doi, string? ArxivId, string? Url, string? Summary,
        string? Volume, string? Number, string? Pages, string? Publisher, string? Note, List<string> Keywords, string? CitationKey);

}

/// <summary>A paper's cited-by count as an open source reported it, and when it was read.</summary>
public sealed record CitationView(int Count, string Source, DateTimeOffset ReadAt)
{
    /// <summary>"1,234": the site writes numbers and dates the same way for every visitor.</summary>
    public string CountText => Count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"Nov 2026".</summary>
    public string ReadText => ReadAt.UtcDateTime.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-30", for &lt;time datetime&gt;.</summary>
    public string ReadIso => ReadAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The cited-by counts of a profile's visible papers added up, per source: "Cited by 5,432 in total
/// · counts from OpenAlex for 40 papers, read 30 Nov 2026". Papers without a count, or with zero,
/// are left out of it.
/// </summary>
public sealed record CitationTotal(long Count, IReadOnlyList<CitationTotal.SourceShare> Sources, DateTimeOffset OldestReadAt, DateTimeOffset NewestReadAt)
{
    public string CountText => Count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"OpenAlex for 40 papers" (and the next source's share, if ever there are two).</summary>
    public string SourcesText => string.Join(" and ", Sources.Select(s => $"{s.Source} for {s.Papers.ToString("N0", CultureInfo.InvariantCulture)} {(s.Papers == 1 ? "paper" : "papers")}"));

    public string OldestReadIso => OldestReadAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string NewestReadIso => NewestReadAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether every count was read on the same day: "read 30 Nov 2026" rather than "read between … and …".</summary>
    public bool ReadOnOneDay => Day(OldestReadAt) == Day(NewestReadAt);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One source's part of the total.</summary>
    public sealed record SourceShare(string Source, long Papers);

    /// <summary>
    /// The statement of the total, per source, for the profile given as its one parameter ({0}).
    /// SQL rather than LINQ: EF cannot take the MIN or MAX of a DateTimeOffset on SQLite. The stored
    /// values are all UTC ("2026-11-30 02:44:33.1234567+00:00"), so the text order is the time
    /// order; PostgreSQL compares its timestamps as such.
    /// </summary>
    private const string Sql = """
        SELECT c."Source" AS "Source", COUNT(*) AS "Papers", SUM(c."Count") AS "Cited",
               MIN(c."ReadAt") AS "OldestReadAt", MAX(c."ReadAt") AS "NewestReadAt"
        FROM "ProfilePublications" AS pp
        JOIN "CitationCounts" AS c ON c."PublicationId" = pp."PublicationId"
        WHERE pp."ResearcherId" = {0} AND pp."IsVisible" AND c."Count" > 0
        GROUP BY c."Source"
        """;

    /// <summary>
    /// The total over every visible paper of the profile, in one query whatever their number; null
    /// when none has a count above zero.
    /// </summary>
    public static async Task<CitationTotal?> ForProfileAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return From(await db.Database.SqlQueryRaw<SourceRow>(Sql, researcherId).ToListAsync(ct));
    }

    /// <summary>
    /// The statement of <see cref="ForProfileAsync"/> for the public profile <c>$1</c> (its slug), as a
    /// command of <paramref name="batch"/> sent before the profile's fields are known
    /// (<see cref="ProfileRead"/>): no rows unless the profile shows counts.
    /// </summary>
    internal static DbBatchCommand BySlugCommand(DbBatch batch, string slug)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var command = batch.CreateBatchCommand();
        command.CommandText = BySlugSql;
        var parameter = command.CreateParameter();
        parameter.Value = slug;
        command.Parameters.Add(parameter);
        return command;
    }

    private static readonly string BySlugSql = Sql.Replace("{0}", $"(SELECT me.\"Id\" FROM {ProfileRead.ProfileBySlug} AS me WHERE me.\"ShowCitationCounts\")", StringComparison.Ordinal);

    /// <summary>The total of <see cref="BySlugCommand"/>'s result, which <paramref name="reader"/> is at.</summary>
    internal static async Task<CitationTotal?> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<SourceRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new SourceRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return From(rows);
    }

    private static CitationTotal? From(List<SourceRow> rows) => rows.Count == 0 ? null : new CitationTotal(
        rows.Sum(r => r.Cited),
        rows.OrderByDescending(r => r.Papers).ThenBy(r => r.Source, StringComparer.Ordinal).Select(r => new SourceShare(r.Source, r.Papers)).ToList(),
        rows.Min(r => r.OldestReadAt),
        rows.Max(r => r.NewestReadAt));

    private sealed record SourceRow(string Source, long Papers, long Cited, DateTimeOffset OldestReadAt, DateTimeOffset NewestReadAt);
}
