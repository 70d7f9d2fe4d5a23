using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Data;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// `--copy-database` writes rows through the model only; the search indexes of the copy are written
/// by its own triggers, once at the end, so a copied site is searchable on either provider and its
/// index keeps following edits.
/// </summary>
public sealed class SearchCopyTests
{
    [Fact]
    public async Task A_site_copied_to_PostgreSQL_and_back_finds_the_same_people_and_papers_and_follows_later_edits()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: true);
        var expected = await FindAsync(original);
        await using var postgres = await ScratchPostgres.CreateAsync();
        var (code, _, error) = await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString);
        Assert.Equal((0, ""), (code, error));
        await using var onPostgres = new CopySiteFactory(DatabaseProvider.Postgres, postgres.ConnectionString, demo: false);
        // The copy leaves the planner statistics of its words, which search chooses its plan by.
        var statistics = 0;
        await onPostgres.ChangeDataAsync(async db => statistics = await db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM pg_stats WHERE tablename = 'SearchPapers' AND attname = 'Document'""").SingleAsync());
        Assert.Equal(1, statistics);
        // It also leaves each paper's public flag as the rule gives it (PostgresSearchDocumentTests holds the rule to the site's).
        var misflagged = -1;
        await onPostgres.ChangeDataAsync(async db => misflagged = await db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM "SearchPapers" s WHERE s."Listed" <> search_paper_listed(s."PublicationId") """).SingleAsync());
        Assert.Equal(0, misflagged);
        // Its full-text indexes, dropped while the documents were written, are built again as the migrations define them.
        List<string> indexes = [];
        await onPostgres.ChangeDataAsync(async db => indexes = await db.Database.SqlQuery<string>($"""
            SELECT c.relname::text || ' ' || am.amname || ' ' || coalesce(array_to_string(c.reloptions, ','), '') AS "Value"
            FROM pg_class c JOIN pg_am am ON am.oid = c.relam
            WHERE c.relname IN ('IX_SearchPapers_Document', 'IX_SearchPeople_Document') ORDER BY 1
            """).ToListAsync());
        Assert.Equal(["IX_SearchPapers_Document gin fastupdate=off", "IX_SearchPeople_Document gin fastupdate=off"], indexes);
        // Every word of the documents is among the index's words (filled once, its triggers suspended meanwhile), and those triggers are back.
        var (missing, words) = (-1, -1);
        List<string> wordTriggers = [];
        await onPostgres.ChangeDataAsync(async db =>
        {
            missing = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM ts_stat('SELECT "Document" FROM "SearchPapers" UNION ALL SELECT "Document" FROM "SearchPeople"') s
                WHERE NOT EXISTS (SELECT 1 FROM "SearchWords" w WHERE w."Word" = s.word COLLATE "C")
                """).SingleAsync();
            words = await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "SearchWords" """).SingleAsync();
            wordTriggers = await db.Database.SqlQuery<string>(
                $"""SELECT tgname::text || ' ' || tgenabled::text AS "Value" FROM pg_trigger WHERE tgname LIKE 'SearchWords%' ORDER BY 1""").ToListAsync();
        });
        Assert.Equal(0, missing);
        Assert.True(words > 100, $"{words} words");
        Assert.Equal(["SearchWords_PapersAdded O", "SearchWords_PapersChanged O", "SearchWords_PeopleAdded O", "SearchWords_PeopleChanged O"], wordTriggers);
        var backFolder = CopySiteFactory.NewFolder();
        (code, _, error) = await onPostgres.CopyToAsync(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder));
        Assert.Equal((0, ""), (code, error));
        await using var back = new CopySiteFactory(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder), demo: false, backFolder);

        Assert.Contains("Mira Castellanos", expected.People);
        Assert.NotEmpty(expected.Papers);
        foreach (var copy in new ProfilesAppFactory[] { onPostgres, back })
        {
            var found = await FindAsync(copy);
            Assert.Equal(expected.People.Order(StringComparer.Ordinal), found.People.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Summary, found.Summary);
            Assert.Equal(expected.Papers.Count, found.Papers.Count);
        }

        // The triggers are back after the copy: the index follows later edits.
        foreach (var copy in new ProfilesAppFactory[] { onPostgres, back })
        {
            await copy.ChangeDataAsync(async db =>
            {
                var researcher = await db.Researchers.AsTracking().SingleAsync(r => r.DisplayName == "Mira Castellanos");
                researcher.Headline = "Glaciology of Quelccaya";
                var paper = await db.Publications.AsTracking().Include(p => p.Authors).FirstAsync(p => p.Authors.Count > 1);
                paper.Authors.First().Name = "Ottoline Varnavides";
            });
            Assert.Equal(["Mira Castellanos"], (await FindAsync(copy, "quelccaya")).People);
            Assert.Single((await FindAsync(copy, "varnavides")).Papers);
        }
    }

    private static async Task<(string? Summary, IReadOnlyList<string> People, IReadOnlyList<string> Papers)> FindAsync(ProfilesAppFactory site, string query = "castellanos")
    {
        var page = await site.CreateVisitor().GetPageAsync($"/search?q={query}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page.TextOf(".search-summary"), page.TextsOf(".search-person .search-title"), page.TextsOf(".search-paper .search-title"));
    }
}
