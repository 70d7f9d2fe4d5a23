using System.Text.Json;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Search on PostgreSQL: tsvector columns in "SearchPeople" and "SearchPapers" with GIN indexes,
/// built and queried through the search_folded configuration (unaccent, then simple), so "Jurgen"
/// finds "Jürgen" and the other way round. Ranked by ts_rank over weighted parts (A names and
/// titles … D long texts); ts_headline marks the matched words in the original text.
/// </summary>
public sealed class PostgresSiteSearch(AppDbContext db, IServiceScopeFactory scopes) : SqlSiteSearch(db, scopes)
{
    private const string Query = "WITH q AS (SELECT to_tsquery('search_folded', @match) AS query)";

    // ts_headline's options: the whole field for short fields, a few fragments of long ones.
    private const string Whole = """'StartSel="' || @start || '", StopSel="' || @end || '", HighlightAll=true'""";
    private const string Short = """'StartSel="' || @start || '", StopSel="' || @end || '", MaxWords=12, MinWords=4'""";
    private const string Fragments = """'StartSel="' || @start || '", StopSel="' || @end || '", MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "'""";

    // The app's connections keep the statements they run often prepared (ProfileDataExtensions),
    // and after a few runs of one PostgreSQL may settle on a single plan for every value: a plan
    // that cannot know how common the words are, so it would walk from the newest paper for a
    // rare word or gather every match of a common one. Each search plans for its own words. The
    // setting lasts until the connection goes back to the pool, where Npgsql resets it.
    protected override string? ConnectionSetupSql => "SET plan_cache_mode = force_custom_plan";

    protected override string HasInterest => """@interest = ANY (r."Interests")""";

    /// <summary>The terms joined by AND, the last as a prefix when asked; terms are letters and digits, which to_tsquery reads as words.</summary>
    protected override string MatchExpression(IReadOnlyList<string> terms, bool prefix) =>
        string.Join(" & ", terms.Select((t, i) => prefix && i == terms.Count - 1 ? t + ":*" : t));

    private const string Page = "(SELECT value::int FROM json_array_elements_text(@ids::json))";

    private static string MatchingPeople => $"""
        FROM "SearchPeople" s JOIN "Researchers" r ON r."Id" = s."ResearcherId" CROSS JOIN q
        WHERE s."Document" @@ q.query AND {VisibleResearcher}
        """;

    // Negated, so that lower is better as in SQLite's bm25.
    protected override string RankPeopleSql => $"""
        {Query}
        SELECT r."Id", -ts_rank(s."Document", q.query)::float8, r."FamilyName"
        {MatchingPeople} AND {Filters}
        ORDER BY s."ResearcherId" LIMIT @cap
        """;

    protected override string PeopleSql => $"""
        {Query}
        SELECT r."Id", r."Slug", r."DisplayName", r."PhotoPath",
               ts_headline('search_folded', r."DisplayName", q.query, {Whole}),
               ts_headline('search_folded', r."Headline", q.query, {Whole}),
               ts_headline('search_folded', r."Affiliation", q.query, {Whole}),
               ts_headline('search_folded', r."AboutMarkdown", q.query, {Fragments})
        FROM "Researchers" r CROSS JOIN q
        WHERE r."Id" IN {Page}
        """;

    protected override string FacetsSql => $"""
        {Query}
        SELECT to_json(r."Interests")::text, r."Affiliation" {MatchingPeople}
        LIMIT @take
        """;

    // The newest matches, read through the primary key from the newest down, each row checked
    // against the query: it stops after @cap listed matches, so it reads about @cap × papers ÷
    // matches rows (a few thousand for a word in a third of the papers).
    protected override string RankPapersSql => $"""
        {Query}
        SELECT s."PublicationId", -ts_rank(s."Document", q.query)::float8
        FROM "SearchPapers" s CROSS JOIN q WHERE s."Document" @@ q.query AND {Listed("s.\"PublicationId\"")}
        ORDER BY s."PublicationId" DESC LIMIT @cap
        """;

    // Every match, found through the full-text index and sorted newest first, then checked for
    // being listed only until @cap are: the materialized list is read in the order it was written,
    // so the check stops early instead of running for every match (the planner would otherwise
    // check them all before sorting). Scored after the cut.
    private string RankAllMatchesSql => $"""
        {Query},
        m AS MATERIALIZED (SELECT s."PublicationId" FROM "SearchPapers" s CROSS JOIN q WHERE s."Document" @@ q.query ORDER BY s."PublicationId" DESC),
        l AS (SELECT m."PublicationId" FROM m WHERE {Listed("m.\"PublicationId\"")} LIMIT @cap)
        SELECT l."PublicationId", -ts_rank(s."Document", q.query)::float8
        FROM l JOIN "SearchPapers" s ON s."PublicationId" = l."PublicationId" CROSS JOIN q
        ORDER BY l."PublicationId" DESC
        """;

    // The second branch is there for its estimate: how many papers there are.
    private const string EstimateSql = """
        EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchPapers" WHERE "Document" @@ to_tsquery('search_folded', @match)
        UNION ALL SELECT 1 FROM "SearchPapers"
        """;

    /// <summary>
    /// Chooses between the two ways of finding the newest matching papers by the planner's own
    /// estimate of how many match (from the words' frequencies in its statistics). Left to itself,
    /// the planner walks the primary key for a word of middling frequency (one paper in sixty of
    /// 337,000: 110–170 ms, where the index takes 13 ms), and gathering every match of a common
    /// word (one in three) takes 170 ms where the walk takes 3 ms.
    /// </summary>
    protected override async ValueTask<string> RankPapersSqlAsync(string match, CancellationToken ct)
    {
        if (Scan is not { } scan)
        {
            var (matching, papers) = Estimate(await ScalarAsync(EstimateSql, match, ct));
            scan = ChooseScan(matching, papers);
        }
        return scan == PaperScan.NewestFirst ? RankPapersSql : RankAllMatchesSql;
    }

    /// <summary>One scan for every search instead of the estimate's choice: both must give the same answer.</summary>
    internal PaperScan? Scan { get; init; }

    internal enum PaperScan
    {
        /// <summary><see cref="RankPapersSql"/>: rows read ≈ cap × papers ÷ matches, each checked against the query.</summary>
        NewestFirst,

        /// <summary><see cref="RankAllMatchesSql"/>: every match gathered from the index.</summary>
        AllMatches,
    }

    /// <summary>
    /// The cheaper scan. A row read walking from the newest (its document checked against the
    /// query) costs about five times a match gathered from the index (measured on 337,000 papers),
    /// so the walk pays off once 5 × cap × papers ÷ matches falls below the matches.
    /// </summary>
    internal static PaperScan ChooseScan(double matching, double papers) =>
        matching * matching > 5 * (SearchRequest.MaxCounted + 1.0) * papers ? PaperScan.NewestFirst : PaperScan.AllMatches;

    /// <summary>The planner's estimates of the matches and of all papers, from <see cref="EstimateSql"/>'s plan; zeros when they cannot be read.</summary>
    internal static (double Matching, double Papers) Estimate(string? explain)
    {
        if (explain is null)
        {
            return (0, 0);
        }
        using var plan = JsonDocument.Parse(explain);
        var branches = plan.RootElement[0].GetProperty("Plan").TryGetProperty("Plans", out var plans) ? plans : default;
        return branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() == 2
            ? (Rows(branches[0]), Rows(branches[1]))
            : (0, 0);

        static double Rows(JsonElement node) => node.TryGetProperty("Plan Rows", out var rows) && rows.TryGetDouble(out var value) ? value : 0;
    }

    protected override string PapersSql => $"""
        {Query}
        SELECT p."Id", p."Title", p."Year", coalesce(p."VenueShort", p."VenueName"),
               ts_headline('search_folded', p."Title", q.query, {Whole}),
               ts_headline('search_folded', (SELECT string_agg(a."Name", '; ' ORDER BY a."Position") FROM "PublicationAuthors" a WHERE a."PublicationId" = p."Id"), q.query, {Short}),
               ts_headline('search_folded', p."Abstract", q.query, {Fragments})
        FROM "Publications" p CROSS JOIN q
        WHERE p."Id" IN {Page}
        """;
}
