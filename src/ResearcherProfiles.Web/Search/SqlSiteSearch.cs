using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Lists;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// The search's flow, shared by both providers: count and page each group, then gather the
/// filters offered. Each provider writes its own SQL (<see cref="SqliteSiteSearch"/>,
/// <see cref="PostgresSiteSearch"/>); the rules of what may be found are written once, here.
/// Every value goes in as a parameter, never into the SQL text.
/// </summary>
public abstract class SqlSiteSearch(AppDbContext db) : ISiteSearch
{
    /// <summary>Researcher r is on the public site.</summary>
    protected const string VisibleResearcher = """r."IsHidden" = FALSE AND r."DeletedAt" IS NULL""";

    /// <summary>Researcher r's profile shows its papers (its Publications section is not hidden).</summary>
    protected const string ShowsPublications = """
        NOT EXISTS (SELECT 1 FROM "ProfileSections" ps WHERE ps."ResearcherId" = r."Id" AND ps."Kind" = 'Publications' AND ps."IsVisible" = FALSE)
        """;

    /// <summary>Researcher r passes the chosen filters (@interest, @affiliation; null for none).</summary>
    protected string Filters => $"""(@affiliation IS NULL OR r."Affiliation" = @affiliation) AND (@interest IS NULL OR {HasInterest})""";

    /// <summary>The paper whose id is <paramref name="paperId"/> is listed visibly on a public profile that passes the filters.</summary>
    protected string Listed(string paperId) => $"""
        EXISTS (SELECT 1 FROM "ProfilePublications" pp {ListingJoin} "Researchers" r ON r."Id" = pp."ResearcherId"
                WHERE pp."PublicationId" = {paperId} AND pp."IsVisible" = TRUE AND {VisibleResearcher} AND {ShowsPublications} AND {Filters})
        """;

    /// <summary>
    /// The join from a paper's listings to their researchers; it must start from the listings
    /// (a paper has a few), never from the researchers (a site has thousands).
    /// </summary>
    protected virtual string ListingJoin => "JOIN";

    /// <summary>Researcher r has the research interest @interest.</summary>
    protected abstract string HasInterest { get; }

    /// <summary>The terms as the provider's full-text query language writes them, the last as a prefix.</summary>
    protected abstract string MatchExpression(IReadOnlyList<string> terms);

    /// <summary>How many people match @match (at most @cap).</summary>
    protected abstract string CountPeopleSql { get; }

    /// <summary>Columns: Id, Slug, DisplayName, PhotoPath, name, headline, affiliation highlighted, About snippet; @take from @skip.</summary>
    protected abstract string PeopleSql { get; }

    /// <summary>How many papers match @match (at most @cap).</summary>
    protected abstract string CountPapersSql { get; }

    /// <summary>
    /// Columns: Id, Title, Year, Venue, title highlighted, authors and abstract snippets; @take from
    /// @skip of the newest @ranked listed matches, ordered by relevance.
    /// </summary>
    protected abstract string PapersSql { get; }

    /// <summary>Columns: the interests as a JSON array, the affiliation, of @take matching people (no filters).</summary>
    protected abstract string FacetsSql { get; }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.Count == 0)
        {
            throw new ArgumentException("A search needs at least one term.", nameof(request));
        }
        var match = MatchExpression(request.Terms);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var peopleTotal = await CountAsync(CountPeopleSql, match, request, ct);
            var peoplePage = Math.Clamp(request.PeoplePage, 1, Paging.Count(peopleTotal, SearchRequest.PeoplePageSize));
            var people = await ReadAsync(PeopleSql, match, request, SearchRequest.PeoplePageSize, (peoplePage - 1) * SearchRequest.PeoplePageSize, r => new PersonHit(
                r.GetInt32(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4) ?? r.GetString(2), Text(r, 5), Text(r, 6), Text(r, 7)), ct);

            var papersTotal = await CountAsync(CountPapersSql, match, request, ct);
            var papersPage = Math.Clamp(request.PapersPage, 1, Paging.Count(papersTotal, SearchRequest.PapersPageSize));
            var papers = await ReadAsync(PapersSql, match, request, SearchRequest.PapersPageSize, (papersPage - 1) * SearchRequest.PapersPageSize, r => new PaperHit(
                r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), Blank(Text(r, 3)), Text(r, 4) ?? r.GetString(1), Text(r, 5), Text(r, 6)), ct);

            var sample = await ReadAsync(FacetsSql, match, request with { Interest = null, Affiliation = null }, SearchRequest.FacetSample, 0,
                r => (Interests: JsonSerializer.Deserialize<string[]>(r.IsDBNull(0) ? "[]" : r.GetString(0)) ?? [], Affiliation: Text(r, 1)), ct);

            return new SearchResults(
                new Paged<PersonHit>(people, peoplePage, Paging.Count(peopleTotal, SearchRequest.PeoplePageSize), peopleTotal),
                peopleTotal > SearchRequest.MaxCounted,
                new Paged<PaperHit>(papers, papersPage, Paging.Count(papersTotal, SearchRequest.PapersPageSize), papersTotal),
                papersTotal > SearchRequest.MaxCounted,
                Facet(sample.SelectMany(s => s.Interests), request.Interest, 12),
                Facet(sample.Select(s => s.Affiliation), request.Affiliation, 8));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The most common values, most common first; the chosen one always among them.</summary>
    private static List<FacetValue> Facet(IEnumerable<string?> values, string? chosen, int count)
    {
        var counted = values.Where(v => !string.IsNullOrWhiteSpace(v))
            .GroupBy(v => v!, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.CurrentCultureIgnoreCase)
            .Take(count)
            .ToList();
        if (chosen is not null && !counted.Any(f => f.Value == chosen))
        {
            counted.Add(new FacetValue(chosen, 0));
        }
        return counted;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The number of matches, counted up to one past <see cref="SearchRequest.MaxCounted"/>.</summary>
    private async Task<int> CountAsync(string sql, string match, SearchRequest request, CancellationToken ct)
    {
        await using var command = Command(sql, match, request);
        Add(command, "cap", DbType.Int32, SearchRequest.MaxCounted + 1);
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return Math.Min(count, SearchRequest.MaxCounted);
    }

    private async Task<List<T>> ReadAsync<T>(string sql, string match, SearchRequest request, int take, int skip, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = Command(sql, match, request);
        Add(command, "take", DbType.Int32, take);
        Add(command, "skip", DbType.Int32, skip);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private DbCommand Command(string sql, string match, SearchRequest request)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(command, "match", DbType.String, match);
        Add(command, "interest", DbType.String, request.Interest);
        Add(command, "affiliation", DbType.String, request.Affiliation);
        Add(command, "start", DbType.String, Highlight.Start.ToString());
        Add(command, "end", DbType.String, Highlight.End.ToString());
        Add(command, "ranked", DbType.Int32, SearchRequest.Ranked);
        return command;
    }

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
