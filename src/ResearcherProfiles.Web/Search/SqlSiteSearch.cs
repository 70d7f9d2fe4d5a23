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
public abstract class SqlSiteSearch(AppDbContext db, IServiceScopeFactory scopes) : ISiteSearch
{
    /// <summary>Researcher r is on the public site.</summary>
    protected const string VisibleResearcher = """r."IsHidden" = FALSE AND r."DeletedAt" IS NULL""";

    /// <summary>Researcher r's profile shows its papers (its Publications section is not hidden).</summary>
    protected const string ShowsPublications = """
        NOT EXISTS (SELECT 1 FROM "ProfileSections" ps WHERE ps."ResearcherId" = r."Id" AND ps."Kind" = 'Publications' AND ps."IsVisible" = FALSE)
        """;

    /// <summary>Researcher r passes the chosen filters (@interest, @affiliation; null for none), in any case, as the directory's.</summary>
    protected string Filters => $"""(@affiliation IS NULL OR lower(r."Affiliation") = lower(@affiliation)) AND (@interest IS NULL OR {HasInterest})""";

    /// <summary>
    /// The paper whose id is <paramref name="paperId"/> is listed visibly on a public profile that
    /// shows its Publications section and passes the filters (<see cref="Data.PublicListings"/> in SQL).
    /// </summary>
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

    /// <summary>The terms as the provider's full-text query language writes them, all of them required; the last also as the start of a word when <paramref name="prefix"/>.</summary>
    protected abstract string MatchExpression(IReadOnlyList<string> terms, bool prefix);

    /// <summary>
    /// <see cref="MatchExpression"/> with the last term also as the start of a word, unless the
    /// provider writes that otherwise; may ask the database, on <paramref name="context"/>'s open connection.
    /// </summary>
    protected virtual ValueTask<string> PrefixMatchAsync(AppDbContext context, IReadOnlyList<string> terms, CancellationToken ct) =>
        ValueTask.FromResult(MatchExpression(terms, prefix: true));

    /// <summary>
    /// Columns: Id, rank (lower is better), family name; the first @cap public people who match
    /// @match and pass the filters, in the order they joined.
    /// </summary>
    protected abstract string RankPeopleSql { get; }

    /// <summary>Columns: Id, Slug, DisplayName, PhotoPath, name, headline, affiliation highlighted, About snippet; of the people in @ids (a JSON array, from @first to @last).</summary>
    protected abstract string PeopleSql { get; }

    /// <summary>Columns: Id, rank (lower is better); the newest @cap listed papers that match @match, newest first.</summary>
    protected abstract string RankPapersSql { get; }

    /// <summary>
    /// The statement that ranks the papers for <paramref name="match"/>: <see cref="RankPapersSql"/>
    /// unless the provider chooses between ways of finding them by how common the words are.
    /// </summary>
    protected virtual ValueTask<RankStatement> RankPapersStatementAsync(string match, CancellationToken ct) => ValueTask.FromResult(new RankStatement(RankPapersSql));

    /// <summary>
    /// A statement that ranks one group's matches (columns as <see cref="RankPapersSql"/>'s), with
    /// parameters of its own besides @match, the filters and @cap. A statement that looks only at the
    /// newest part of the matches has a <paramref name="Wider"/> one: when it finds no more than can
    /// be counted there, that part did not hold the answer, and the wider statement is run instead.
    /// </summary>
    protected sealed record RankStatement(string Sql, (string Name, object Value)[] Parameters, RankStatement? Wider = null)
    {
        public RankStatement(string sql)
            : this(sql, [])
        {
        }
    }

    /// <summary>Columns: Id, Title, Year, Venue, title highlighted, authors and abstract snippets; of the papers in @ids (a JSON array, from @first to @last).</summary>
    protected abstract string PapersSql { get; }

    /// <summary>Columns: the interests as a JSON array, the affiliation, of @take people who match @match (no filters).</summary>
    protected abstract string FacetsSql { get; }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.Count == 0)
        {
            throw new ArgumentException("A search needs at least one term.", nameof(request));
        }
        // People and papers are independent: the people are searched on a connection of their own
        // at the same time (Task.Run, since SQLite's driver does its work on the calling thread).
        await using var peopleScope = scopes.CreateAsyncScope();
        var peopleDb = peopleScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var peopleTask = Task.Run(() => PeopleAsync(peopleDb, request, ct), ct);
        try
        {
            var (papers, papersCapped) = await OpenAsync(db, () => PapersAsync(request, ct), ct);
            var (people, peopleCapped, sample) = await peopleTask;
            return new SearchResults(
                people, peopleCapped,
                papers, papersCapped,
                Facet(sample.SelectMany(s => s.Interests), request.Interest, 12),
                Facet(sample.Select(s => s.Affiliation), request.Affiliation, 8));
        }
        finally
        {
            // When the papers' search failed, the people's still ends before its scope is disposed.
            await ((Task)peopleTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task<(Paged<PersonHit> People, bool Capped, List<(string[] Interests, string? Affiliation)> Sample)> PeopleAsync(AppDbContext on, SearchRequest request, CancellationToken ct) =>
        OpenAsync(on, async () =>
        {
            var (match, ranked) = await RankAsync(on, (_, _) => ValueTask.FromResult(new RankStatement(RankPeopleSql)), request, r => new Ranked(r.GetInt32(0), r.GetDouble(1), Text(r, 2)), ct);
            var people = await PageAsync(on, ranked, request.PeoplePage, SearchRequest.PeoplePageSize, PeopleSql, match, request, r => new PersonHit(
                r.GetInt32(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4) ?? r.GetString(2), Text(r, 5), Text(r, 6), MarkdownSnippet.Plain(Text(r, 7))), p => p.Id, ct);
            var sample = await ReadAsync(on, FacetsSql, match, request with { Interest = null, Affiliation = null },
                r => (Interests: JsonSerializer.Deserialize<string[]>(r.IsDBNull(0) ? "[]" : r.GetString(0)) ?? [], Affiliation: Text(r, 1)), ct,
                ("take", SearchRequest.FacetSample));
            return (people, ranked.Count > SearchRequest.MaxCounted, sample);
        }, ct);

    private async Task<(Paged<PaperHit> Papers, bool Capped)> PapersAsync(SearchRequest request, CancellationToken ct)
    {
        var (match, ranked) = await RankAsync(db, RankPapersStatementAsync, request, r => new Ranked(r.GetInt32(0), r.GetDouble(1), null), ct);
        var papers = await PageAsync(db, ranked, request.PapersPage, SearchRequest.PapersPageSize, PapersSql, match, request, r => new PaperHit(
            r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), Blank(Text(r, 3)), Text(r, 4) ?? r.GetString(1), Text(r, 5), Text(r, 6)), p => p.Id, ct);
        return (papers, ranked.Count > SearchRequest.MaxCounted);
    }

    /// <summary>
    /// A statement run first in each group's search, in a transaction of its own, so that a
    /// setting it makes (SET LOCAL) ends with the search; none when null.
    /// </summary>
    protected virtual string? SearchSetupSql => null;

    /// <summary>Runs <paramref name="work"/> with the connection of <paramref name="on"/> held open throughout.</summary>
    private async Task<T> OpenAsync<T>(AppDbContext on, Func<Task<T>> work, CancellationToken ct)
    {
        await on.Database.OpenConnectionAsync(ct);
        try
        {
            if (SearchSetupSql is not { } setup)
            {
                return await work();
            }
            // Connections go back to the pool without a reset (ProfileDataExtensions): a transaction
            // that is not committed, because the search failed or was cancelled, is still rolled
            // back there, and its local settings with it.
            await using var transaction = await on.Database.BeginTransactionAsync(ct);
            await using (var command = on.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = setup;
                command.Transaction = transaction.GetDbTransaction();
                await command.ExecuteNonQueryAsync(ct);
            }
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            await on.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A match and its score; people with equal scores go by family name.</summary>
    private sealed record Ranked(int Id, double Rank, string? Family);

    /// <summary>
    /// The matches of one group, up to one past <see cref="SearchRequest.MaxCounted"/>, and the
    /// expression that found them. The last word is also the start of longer words, so "castel"
    /// finds "Castellanos" and a half-typed word finds as you type; but a single word is looked
    /// for as a word first, and when that alone finds more than can be counted, its longer forms
    /// add nothing a visitor could page to, while gathering every word a common word begins costs
    /// more than the rest of the search. (Several words together rarely find that many, so they
    /// go straight to the prefix.)
    /// </summary>
    private async Task<(string Match, List<Ranked> Rows)> RankAsync(AppDbContext on, Func<string, CancellationToken, ValueTask<RankStatement>> statementFor, SearchRequest request,
        Func<DbDataReader, Ranked> read, CancellationToken ct)
    {
        if (request.Terms.Count == 1)
        {
            var word = MatchExpression(request.Terms, prefix: false);
            var rows = await RankRowsAsync(on, await statementFor(word, ct), word, request, read, ct);
            if (rows.Count > SearchRequest.MaxCounted)
            {
                return (word, rows);
            }
        }
        var prefix = await PrefixMatchAsync(on, request.Terms, ct);
        return (prefix, await RankRowsAsync(on, await statementFor(prefix, ct), prefix, request, read, ct));
    }

    private static async Task<List<Ranked>> RankRowsAsync(AppDbContext on, RankStatement statement, string match, SearchRequest request,
        Func<DbDataReader, Ranked> read, CancellationToken ct)
    {
        var rows = await ReadAsync(on, statement.Sql, match, request, read, ct, [("cap", SearchRequest.MaxCounted + 1), .. statement.Parameters]);
        return rows.Count <= SearchRequest.MaxCounted && statement.Wider is { } wider
            ? await RankRowsAsync(on, wider, match, request, read, ct)
            : rows;
    }

    /// <summary>What <paramref name="read"/> makes of <paramref name="sql"/>'s results, run with @match (and no filters) on the papers' connection.</summary>
    protected async Task<T> QueryAsync<T>(string sql, string match, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        await using var command = Command(db, sql, match, request: null);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await read(reader, ct);
    }

    /// <summary>The requested page (kept within the pages there are) of the ranked matches, read in full.</summary>
    private static async Task<Paged<T>> PageAsync<T>(AppDbContext on, List<Ranked> ranked, int requested, int size, string sql, string match, SearchRequest request,
        Func<DbDataReader, T> read, Func<T, int> id, CancellationToken ct)
    {
        var total = Math.Min(ranked.Count, SearchRequest.MaxCounted);
        var pages = Paging.Count(total, size);
        var page = Math.Clamp(requested, 1, pages);
        var ids = ranked.Take(SearchRequest.MaxCounted)
            .OrderBy(r => r.Rank).ThenBy(r => r.Family, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return new Paged<T>([], page, pages, total);
        }
        var rows = (await ReadAsync(on, sql, match, request, read, ct,
            ("ids", JsonSerializer.Serialize(ids)), ("first", ids.Min()), ("last", ids.Max()))).ToDictionary(id);
        return new Paged<T>([.. ids.Where(rows.ContainsKey).Select(i => rows[i])], page, pages, total);
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

    private static async Task<List<T>> ReadAsync<T>(AppDbContext on, string sql, string match, SearchRequest request, Func<DbDataReader, T> read, CancellationToken ct,
        params (string Name, object Value)[] extra)
    {
        await using var command = Command(on, sql, match, request);
        foreach (var (name, value) in extra)
        {
            Add(command, name, value is int ? DbType.Int32 : DbType.String, value);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static DbCommand Command(AppDbContext on, string sql, string match, SearchRequest? request)
    {
        var command = on.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Add(command, "match", DbType.String, match);
        Add(command, "interest", DbType.String, request?.Interest);
        Add(command, "affiliation", DbType.String, request?.Affiliation);
        Add(command, "start", DbType.String, Highlight.Start.ToString());
        Add(command, "end", DbType.String, Highlight.End.ToString());
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
