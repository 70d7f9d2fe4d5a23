using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Search;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// `--seed-demo N` writes the generated researchers with the search triggers suspended and the
/// index written once at the end: every person and paper is found, the demo site's documents are
/// still there, and the index follows edits made after the seed.
/// </summary>
public sealed class SearchSeedTests
{
    [Fact]
    public async Task Generated_researchers_and_papers_are_searchable_after_a_seed_and_the_index_follows_later_edits()
    {
        await using var site = new ProfilesAppFactory();
        await site.ChangeDataAsync(async db =>
        {
            await DemoData.SeedSiteAsync(db);
            await SeedDemoCommand.SeedBulkAsync(db, 30);
        });
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            // One transaction wrote the whole seed: SQLite's log is given back, not left as large as the rows.
            var log = new FileInfo(Path.Combine(site.DataDirectory, "profiles.db-wal"));
            Assert.True(log.Length < 256 * 1024, $"The write-ahead log holds {log.Length} bytes after the seed.");
        }

        var (researchers, papers, people, documents) = (0, 0, 0, 0);
        string generated = "", title = "";
        await site.ChangeDataAsync(async db =>
        {
            researchers = await db.Researchers.CountAsync();
            papers = await db.Publications.CountAsync();
            people = await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "SearchPeople" """).SingleAsync();
            documents = await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "SearchPapers" """).SingleAsync();
            generated = await db.Researchers.Where(r => !DemoSlugs.All.Contains(r.Slug)).OrderBy(r => r.Id).Select(r => r.DisplayName).FirstAsync();
            title = await db.Publications.OrderByDescending(p => p.Id).Select(p => p.Title).FirstAsync();
        });
        Assert.Equal(12 + 30, researchers);
        Assert.Equal((researchers, papers), (people, documents));
        Assert.Contains(generated, (await FindAsync(site, generated)).People);
        Assert.Contains(title, (await FindAsync(site, title)).Papers);
        Assert.Contains("Mira Castellanos", (await FindAsync(site, "castellanos")).People);

        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            await site.ChangeDataAsync(async db =>
            {
                // Each paper's public flag as the rule gives it, every word of the documents among the
                // index's words, and the triggers and full-text indexes back as the migrations made them.
                Assert.Equal(0, await db.Database.SqlQuery<int>(
                    $"""SELECT count(*)::int AS "Value" FROM "SearchPapers" s WHERE s."Listed" <> search_paper_listed(s."PublicationId") """).SingleAsync());
                Assert.Equal(0, await db.Database.SqlQuery<int>($"""
                    SELECT count(*)::int AS "Value" FROM ts_stat('SELECT "Document" FROM "SearchPapers" UNION ALL SELECT "Document" FROM "SearchPeople"') s
                    WHERE NOT EXISTS (SELECT 1 FROM "SearchWords" w WHERE w."Word" = s.word COLLATE "C")
                    """).SingleAsync());
                Assert.Equal(0, await db.Database.SqlQuery<int>(
                    $"""SELECT count(*)::int AS "Value" FROM pg_trigger WHERE tgname LIKE 'Search%' AND tgenabled <> 'O'""").SingleAsync());
                Assert.Equal(2, await db.Database.SqlQuery<int>(
                    $"""SELECT count(*)::int AS "Value" FROM pg_class WHERE relname IN ('IX_SearchPapers_Document', 'IX_SearchPeople_Document')""").SingleAsync());
            });
        }

        await site.ChangeDataAsync(async db =>
        {
            var researcher = await db.Researchers.AsTracking().SingleAsync(r => r.DisplayName == generated);
            researcher.Headline = "Glaciology of Quelccaya";
            var paper = await db.Publications.AsTracking().Include(p => p.Authors).OrderByDescending(p => p.Id).FirstAsync();
            paper.Authors.First().Name = "Ottoline Varnavides";
        });
        Assert.Equal([generated], (await FindAsync(site, "quelccaya")).People);
        Assert.Equal([title], (await FindAsync(site, "varnavides")).Papers);
    }

    [PostgresOnlyFact("SQLite's command timeout waits for locks; it does not end a statement that runs long.")]
    public async Task The_rebuild_is_not_held_to_a_page_statements_timeout_and_gives_the_context_its_own_back()
    {
        await using var site = new ProfilesAppFactory();
        await new ResearcherBuilder("Ada Quint").SaveAsync(site);
        await site.ChangeDataAsync(async db =>
        {
            // A rebuild that takes longer than the context allows one statement: writing a person's
            // document waits two seconds (as writing 336,000 papers' takes minutes).
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION slow_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$;
                CREATE TRIGGER "SlowDocument" AFTER INSERT ON "SearchPeople" FOR EACH STATEMENT EXECUTE FUNCTION slow_document();
                """);
            db.Database.SetCommandTimeout(1);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var load = await SearchIndexLoad.SuspendAsync(db, default);
            await load.RebuildAsync(default);
            await transaction.CommitAsync();
            Assert.Equal(1, db.Database.GetCommandTimeout());
        });
        Assert.Equal(["Ada Quint"], (await FindAsync(site, "quint")).People);
    }

    private static async Task<(IReadOnlyList<string> People, IReadOnlyList<string> Papers)> FindAsync(ProfilesAppFactory site, string query)
    {
        var page = await site.CreateVisitor().GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page.TextsOf(".search-person .search-title"), page.TextsOf(".search-paper .search-title"));
    }
}
