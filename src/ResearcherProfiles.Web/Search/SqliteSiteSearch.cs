using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Search on SQLite: FTS5 tables "SearchPeople" and "SearchPapers" (tokenizer unicode61 with
/// diacritics removed, so "Jurgen" finds "Jürgen" and the other way round), ranked by bm25 with
/// column weights that put a match in a name or title far above one in a long text.
/// </summary>
public sealed class SqliteSiteSearch(AppDbContext db, IServiceScopeFactory scopes) : SqlSiteSearch(db, scopes)
{
    // Columns: Name, Variants, Headline, Affiliation, Interests, Skills, About.
    private const string PeopleRank = """bm25("SearchPeople", 12.0, 6.0, 3.0, 3.0, 3.0, 2.0, 1.0)""";

    // Columns: Title, Authors, Venue, Keywords, Abstract.
    private const string PapersRank = """bm25("SearchPapers", 10.0, 5.0, 2.0, 3.0, 1.0)""";

    // SQLite would otherwise start from the researchers, through the index on IsHidden, and look
    // every one of them up for every matching paper (seconds for a common word).
    protected override string ListingJoin => "CROSS JOIN";

    // lower() folds ASCII only, as the directory's filter does on SQLite.
    protected override string HasInterest => """EXISTS (SELECT 1 FROM json_each(r."Interests") WHERE lower(value) = lower(@interest))""";

    /// <summary>Each term quoted (its letters and digits cannot hold a quote), the last followed by * for a prefix.</summary>
    protected override string MatchExpression(IReadOnlyList<string> terms, bool prefix) =>
        string.Join(' ', terms.Select((t, i) => prefix && i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));

    // CROSS JOIN makes SQLite read the matches first and look each researcher up: joined the
    // other way, it ran the full-text query once per researcher (seconds on a large site).
    private static string MatchingPeople => $"""
        FROM "SearchPeople" CROSS JOIN "Researchers" r ON r."Id" = "SearchPeople".rowid
        WHERE "SearchPeople" MATCH @match AND {VisibleResearcher}
        """;

    protected override string RankPeopleSql => $"""
        SELECT r."Id", {PeopleRank}, r."FamilyName"
        {MatchingPeople} AND {Filters}
        ORDER BY "SearchPeople".rowid LIMIT @cap
        """;

    // The page is read in one pass over the matches between its first and last id (within the
    // ranked ones, so at most about a thousand), never with a lookup per id: FTS5 would set up
    // the query again for each, and a prefix gathers its words each time (tens of milliseconds).
    // The + keeps the list of ids from being handed to FTS5 as such lookups.
    private static string OnPage(string rowid) => $"""{rowid} >= @first AND {rowid} <= @last AND +{rowid} IN (SELECT value FROM json_each(@ids))""";

    protected override string PeopleSql => $"""
        SELECT r."Id", r."Slug", r."DisplayName", r."PhotoPath",
               highlight("SearchPeople", 0, @start, @end),
               highlight("SearchPeople", 2, @start, @end),
               highlight("SearchPeople", 3, @start, @end),
               snippet("SearchPeople", 6, @start, @end, '…', 24)
        FROM "SearchPeople" CROSS JOIN "Researchers" r ON r."Id" = "SearchPeople".rowid
        WHERE "SearchPeople" MATCH @match AND {OnPage("\"SearchPeople\".rowid")}
        """;

    protected override string FacetsSql => $"""
        SELECT r."Interests", r."Affiliation" {MatchingPeople}
        LIMIT @take
        """;

    protected override string RankPapersSql => $"""
        SELECT "SearchPapers".rowid, {PapersRank}
        FROM "SearchPapers" WHERE "SearchPapers" MATCH @match AND {Listed("\"SearchPapers\".rowid")}
        ORDER BY "SearchPapers".rowid DESC LIMIT @cap
        """;

    protected override string PapersSql => $"""
        SELECT p."Id", p."Title", p."Year", coalesce(p."VenueShort", p."VenueName"),
               highlight("SearchPapers", 0, @start, @end),
               snippet("SearchPapers", 1, @start, @end, '…', 12),
               snippet("SearchPapers", 4, @start, @end, '…', 24)
        FROM "SearchPapers" CROSS JOIN "Publications" p ON p."Id" = "SearchPapers".rowid
        WHERE "SearchPapers" MATCH @match AND {OnPage("\"SearchPapers\".rowid")}
        """;
}
