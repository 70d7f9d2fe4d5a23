using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
    // rare word or gather every match of a common one. Each search plans for its own words; the
    // setting ends with the search's transaction, as the pool does not reset connections.
    protected override string? SearchSetupSql => "SET LOCAL plan_cache_mode = force_custom_plan";

    protected override string HasInterest => """EXISTS (SELECT 1 FROM unnest(r."Interests") i WHERE lower(i) = lower(@interest))""";

    /// <summary>The terms joined by AND, the last as a prefix when asked; terms are letters and digits, which to_tsquery reads as words.</summary>
    protected override string MatchExpression(IReadOnlyList<string> terms, bool prefix) =>
        string.Join(" & ", terms.Select((t, i) => prefix && i == terms.Count - 1 ? t + ":*" : t));

    /// <summary>At most this many words are looked for in place of a prefix; more, and it stays a prefix.</summary>
    internal const int MostWords = 64;

    // The words of the index that start with @term as the documents fold it (migration SearchWords),
    // in order, one past MostWords; with each, how it folds alone. First column: how many words
    // @term folds to (one, or the lookup does not apply). The bounds are subqueries, run once
    // before the scan, so that the index reads only the range (a join to the folded term would
    // read every word); chr(1114111) is the last character there is, so the range holds every
    // word that starts with the term.
    internal const string WordsSql = """
        WITH t AS (SELECT CASE WHEN cardinality(l) = 1 THEN l[1] END AS term, cardinality(l) AS words
                   FROM (SELECT tsvector_to_array(to_tsvector('search_folded', @term)) AS l) p),
        c AS (SELECT DISTINCT w."Word" FROM "SearchWords" w
              WHERE w."Word" >= (SELECT term FROM t) COLLATE "C" AND w."Word" < (SELECT term || chr(1114111) FROM t) COLLATE "C"
              ORDER BY w."Word" LIMIT @most)
        SELECT (SELECT words FROM t), c."Word"::text, tsvector_to_array(to_tsvector('search_folded', c."Word"))
        FROM (SELECT 1) one LEFT JOIN c ON TRUE
        """;

    /// <summary>
    /// The terms with the last written as the words of the site that start with it, "deep &amp;
    /// learning &amp; (models | modelsim)", instead of as a prefix (models:*): the full-text index
    /// intersects whole words by skipping through the rarest, but gathers every entry of a prefix
    /// first (17 of the 20 ms of "deep learning models" on the 10k site). Stays a prefix when the
    /// term starts too many words, or a word the query language could not take as it is.
    /// </summary>
    protected override async ValueTask<string> PrefixMatchAsync(AppDbContext context, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var words = await WordsStartingAsync(context, terms[^1], ct);
        return words is null
            ? MatchExpression(terms, prefix: true)
            : string.Join(" & ", terms.Take(terms.Count - 1).Append("(" + string.Join(" | ", words) + ")"));
    }

    /// <summary>The words that stand for <paramref name="term"/> as a prefix, or null when it must stay one.</summary>
    internal static async Task<List<string>?> WordsStartingAsync(AppDbContext on, string term, CancellationToken ct)
    {
        await using var command = on.Database.GetDbConnection().CreateCommand();
        command.CommandText = WordsSql;
        AddParameter(command, "term", term);
        AddParameter(command, "most", MostWords + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var candidates = new List<(string Word, string[] Folded)>();
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(0) || reader.GetInt32(0) != 1)
            {
                return null;
            }
            if (!reader.IsDBNull(1))
            {
                candidates.Add((reader.GetString(1), reader.GetFieldValue<string[]>(2)));
            }
        }
        return ChooseWords(candidates);
    }

    /// <summary>
    /// The words to look for instead of a prefix, from the index's words that start with it (with
    /// how each folds alone); null when it must stay a prefix. A plain word (letters and digits,
    /// folding to itself) is taken. A hyphenated word ("model-based") is left out: its document
    /// also holds each part, the first of which starts with the prefix too, since a term has no
    /// hyphen. Any other (an address, a version number) keeps the prefix, as do none or too many.
    /// </summary>
    internal static List<string>? ChooseWords(IReadOnlyList<(string Word, string[] Folded)> candidates)
    {
        if (candidates.Count is 0 or > MostWords)
        {
            return null;
        }
        var words = new List<string>();
        foreach (var (word, folded) in candidates)
        {
            if (SearchTerms.IsWord(word) && folded is [var alone] && alone == word)
            {
                words.Add(word);
            }
            else if (!word.Split('-').All(SearchTerms.IsWord))
            {
                return null;
            }
        }
        return words.Count > 0 ? words : null;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private const string Page = "(SELECT value::int FROM json_array_elements_text(@ids::json))";

    private static string MatchingPeople => $"""
        FROM "SearchPeople" s JOIN "Researchers" r ON r."Id" = s."ResearcherId" CROSS JOIN q
        WHERE s."Document" @@ q.query AND {VisibleResearcher}
        """;

    // The matches gathered from the full-text index and sorted, then joined to their researchers
    // in that order until @cap pass (as the papers' RankMatchesSql). Left to itself, the planner
    // read every researcher to hash them (8–10 ms for a word 234 people share) or walked both
    // tables' keys from the first; this is 2–6 ms for any word but the most common. Scored after
    // the cut; negated, so that lower is better as in SQLite's bm25.
    protected override string RankPeopleSql => $"""
        {Query},
        l AS (SELECT r."Id", r."FamilyName"
              FROM (SELECT s."ResearcherId" FROM "SearchPeople" s CROSS JOIN q WHERE s."Document" @@ q.query ORDER BY s."ResearcherId") m
              JOIN "Researchers" r ON r."Id" = m."ResearcherId"
              WHERE {VisibleResearcher} AND {Filters} ORDER BY m."ResearcherId" LIMIT @cap)
        SELECT l."Id", -ts_rank(s."Document", q.query)::float8, l."FamilyName"
        FROM l JOIN "SearchPeople" s ON s."ResearcherId" = l."Id" CROSS JOIN q
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

    // A paper is public when its search document says so: "Listed", kept in step with its
    // listings, their researchers and Publications sections by triggers (migration
    // SearchPapersListed), which spares joining each match's listings, a third of the papers
    // statement's time. With a filter, the listings are joined for the researchers it asks about;
    // without, the planner, given the values (force_custom_plan), folds that condition away.
    private string Filtered(string paperId) => $"""(@affiliation IS NULL AND @interest IS NULL OR {Listed(paperId)})""";

    // The newest matches, read through the primary key from the newest down, each row checked
    // against the query: it stops after @cap listed matches, so it reads about @cap × papers ÷
    // matches rows (a few thousand for a word in a third of the papers).
    protected override string RankPapersSql => $"""
        {Query}
        SELECT s."PublicationId", -ts_rank(s."Document", q.query)::float8
        FROM "SearchPapers" s CROSS JOIN q WHERE s."Document" @@ q.query AND s."Listed" AND {Filtered("s.\"PublicationId\"")}
        ORDER BY s."PublicationId" DESC LIMIT @cap
        """;

    // Every public match, found through the full-text index and sorted newest first, then checked
    // against the filters only until @cap pass: the matches are sorted before the check, which a
    // nested loop keeps in order, so it stops early instead of running for every match (sorting
    // after the check, the planner's choice otherwise, checks them all). The order is also written
    // out after the check: without it, a plan that starts from the listings (as on a small site)
    // may cut at @cap in any order. Scored after the cut.
    private string RankMatchesSql(string bound) => $"""
        {Query},
        l AS (SELECT m."PublicationId"
              FROM (SELECT s."PublicationId" FROM "SearchPapers" s CROSS JOIN q WHERE s."Document" @@ q.query AND s."Listed"{bound} ORDER BY s."PublicationId" DESC) m
              WHERE {Filtered("m.\"PublicationId\"")} ORDER BY m."PublicationId" DESC LIMIT @cap)
        SELECT l."PublicationId", -ts_rank(s."Document", q.query)::float8
        FROM l JOIN "SearchPapers" s ON s."PublicationId" = l."PublicationId" CROSS JOIN q
        ORDER BY l."PublicationId" DESC
        """;

    private string RankAllMatchesSql => RankMatchesSql("");

    // The matches among the papers from @from up: the planner intersects the full-text index's
    // matches with the id range of the block-range index ("IX_SearchPapers_PublicationId_Range")
    // before reading a row, so only the matches in the range are read. @from must be a value it
    // can plan with, not a subquery, or it reads every match and filters them.
    private string RankNewestMatchesSql => RankMatchesSql(""" AND s."PublicationId" >= @from""");

    // The first statement's second branch is there for its estimate: how many papers there are.
    // The second gives the range of their ids.
    private const string EstimateSql = """
        EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchPapers" WHERE "Document" @@ to_tsquery('search_folded', @match)
        UNION ALL SELECT 1 FROM "SearchPapers";
        SELECT min("PublicationId"), max("PublicationId") FROM "SearchPapers"
        """;

    /// <summary>
    /// Chooses between the ways of finding the newest matching papers by the planner's own
    /// estimate of how many match (from the words' frequencies in its statistics). Left to itself,
    /// the planner walks the primary key for a word of middling frequency (one paper in sixty of
    /// 337,000: 110–170 ms, where the index takes 13 ms), and gathering every match of a common
    /// word (one in three) takes 170 ms where the walk takes 3 ms. Between the two, reading every
    /// match of a word in one paper of thirty costs 20–25 ms, most of it reading 12,000 rows;
    /// reading only the newest part of the ids, sized to hold twice the matches needed, about 5.
    /// </summary>
    protected override async ValueTask<RankStatement> RankPapersStatementAsync(string match, CancellationToken ct)
    {
        var estimate = await QueryAsync(EstimateSql, match, ReadEstimateAsync, ct);
        return (Scan ?? ChooseScan(estimate.Matching, estimate.Papers)) switch
        {
            PaperScan.NewestFirst => new RankStatement(RankPapersSql),
            PaperScan.NewestMatches when estimate.Ids is (var first, var last) => new RankStatement(RankNewestMatchesSql,
                [("from", NewestFrom ?? From(first, last, NewestShare(estimate.Matching)))],
                Wider: new RankStatement(RankAllMatchesSql)),
            _ => new RankStatement(RankAllMatchesSql),
        };
    }

    /// <summary>One scan for every search instead of the estimate's choice: all must give the same answer.</summary>
    internal PaperScan? Scan { get; init; }

    /// <summary>The lowest id <see cref="PaperScan.NewestMatches"/> looks at instead of the estimate's.</summary>
    internal int? NewestFrom { get; init; }

    internal enum PaperScan
    {
        /// <summary><see cref="RankPapersSql"/>: rows read ≈ cap × papers ÷ matches, each checked against the query.</summary>
        NewestFirst,

        /// <summary><see cref="RankNewestMatchesSql"/>: the matches among the newest ids, and every match when those hold too few.</summary>
        NewestMatches,

        /// <summary><see cref="RankAllMatchesSql"/>: every match gathered from the index.</summary>
        AllMatches,
    }

    private const double Cap = SearchRequest.MaxCounted + 1.0;

    /// <summary>
    /// The cheaper scan. A row read walking from the newest (its document checked against the
    /// query) costs about five times a match gathered from the index (measured on 337,000 papers),
    /// so the walk pays off once 5 × cap × papers ÷ matches falls below the matches. Below that,
    /// the newest part of the ids is looked at when it is at most half of them.
    /// </summary>
    internal static PaperScan ChooseScan(double matching, double papers) =>
        matching * matching > 5 * Cap * papers ? PaperScan.NewestFirst
        : NewestShare(matching) <= 0.5 ? PaperScan.NewestMatches
        : PaperScan.AllMatches;

    /// <summary>
    /// The share of the ids expected to hold twice the matches needed, if matches are spread
    /// evenly over the ids: twice, since some are not listed and the estimate may be high.
    /// </summary>
    internal static double NewestShare(double matching) => matching > 0 ? Math.Min(1, 2 * Cap / matching) : 1;

    /// <summary>The lowest id of the newest <paramref name="share"/> of the ids from <paramref name="first"/> to <paramref name="last"/>.</summary>
    internal static int From(int first, int last, double share) =>
        last - (int)Math.Min(Math.Ceiling(share * ((long)last - first)), (long)last - first);

    /// <summary>The planner's estimates of the matches and of all papers from <see cref="EstimateSql"/>'s plan (zeros when they cannot be read), and the papers' first and last ids.</summary>
    private static async Task<(double Matching, double Papers, (int First, int Last)? Ids)> ReadEstimateAsync(DbDataReader reader, CancellationToken ct)
    {
        var (matching, papers) = await reader.ReadAsync(ct) ? Estimate(reader.GetString(0)) : (0, 0);
        (int, int)? ids = await reader.NextResultAsync(ct) && await reader.ReadAsync(ct) && !reader.IsDBNull(0)
            ? (reader.GetInt32(0), reader.GetInt32(1))
            : null;
        return (matching, papers, ids);
    }

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
