using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Search on PostgreSQL: tsvector columns in "SearchPeople" and "SearchPapers" with GIN indexes,
/// built and queried through the search_folded configuration (unaccent, then simple), so "Jurgen"
/// finds "Jürgen" and the other way round. Ranked by ts_rank over weighted parts (A names and
/// titles … D long texts); ts_headline marks the matched words in the original text.
/// </summary>
public sealed class PostgresSiteSearch(AppDbContext db) : SqlSiteSearch(db)
{
    private const string Query = "WITH q AS (SELECT to_tsquery('search_folded', @match) AS query)";

    // ts_headline's options: the whole field for short fields, a few fragments of long ones.
    private const string Whole = """'StartSel="' || @start || '", StopSel="' || @end || '", HighlightAll=true'""";
    private const string Short = """'StartSel="' || @start || '", StopSel="' || @end || '", MaxWords=12, MinWords=4'""";
    private const string Fragments = """'StartSel="' || @start || '", StopSel="' || @end || '", MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "'""";

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

    protected override string RankPapersSql => $"""
        {Query}
        SELECT s."PublicationId", -ts_rank(s."Document", q.query)::float8
        FROM "SearchPapers" s CROSS JOIN q WHERE s."Document" @@ q.query AND {Listed("s.\"PublicationId\"")}
        ORDER BY s."PublicationId" DESC LIMIT @cap
        """;

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
