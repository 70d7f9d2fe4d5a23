using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The words of the search documents, one row each, so that the last word of a search can be
    /// looked up as the start of longer words ("castel" → castellanos, castells) and the query
    /// written with those words instead of as a prefix (castel:*). The full-text index gathers every
    /// entry of a prefix into one bitmap before intersecting it with the other words ("models:*" on
    /// the 10k site: 76,271 papers, 17 ms in a three-word search that finds none), while whole words
    /// are intersected by skipping through the rarest (3 ms).
    ///
    /// Written by triggers on both search tables in the transaction that writes the
    /// document, only the words not there yet. No unique key: two transactions adding the same new
    /// word would otherwise wait for each other (and could deadlock when each adds several); a word
    /// written twice that way costs a row. Words whose documents are gone stay: the words looked up
    /// are only alternatives of the query, so a stale one finds nothing. Named "SearchWords_*", not
    /// "Search_*": a bulk load (SearchIndexLoad) keeps them suspended while it writes every document
    /// and fills the table once at the end. The model does not change: the search tables are outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203010000_SearchWords")]
    public partial class SearchWords : Migration
    {
        /// <summary>The statement that adds every word of the search documents not in "SearchWords" yet (also run by SearchIndexLoad).</summary>
        public const string FillSql = """
            INSERT INTO "SearchWords" ("Word")
            SELECT s.word FROM ts_stat('SELECT "Document" FROM "SearchPapers" UNION ALL SELECT "Document" FROM "SearchPeople"') s
            WHERE NOT EXISTS (SELECT 1 FROM "SearchWords" w WHERE w."Word" = s.word COLLATE "C")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SearchWords" ("Word" text COLLATE "C" NOT NULL);
                CREATE INDEX "IX_SearchWords_Word" ON "SearchWords" ("Word");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchWords" ("Word")
                    SELECT DISTINCT word COLLATE "C" FROM added, unnest(tsvector_to_array(added."Document")) word
                    WHERE NOT EXISTS (SELECT 1 FROM "SearchWords" w WHERE w."Word" = word COLLATE "C");
                    RETURN NULL;
                END $$;
                CREATE FUNCTION search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchWords" ("Word")
                    SELECT DISTINCT word COLLATE "C" FROM unnest(tsvector_to_array(NEW."Document")) word
                    WHERE NOT EXISTS (SELECT 1 FROM "SearchWords" w WHERE w."Word" = word COLLATE "C");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "SearchWords_PapersAdded" AFTER INSERT ON "SearchPapers"
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_words_added();
                CREATE TRIGGER "SearchWords_PeopleAdded" AFTER INSERT ON "SearchPeople"
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_words_added();
                CREATE TRIGGER "SearchWords_PapersChanged" AFTER UPDATE ON "SearchPapers" FOR EACH ROW
                    WHEN (OLD."Document" IS DISTINCT FROM NEW."Document") EXECUTE FUNCTION search_words_changed();
                CREATE TRIGGER "SearchWords_PeopleChanged" AFTER UPDATE ON "SearchPeople" FOR EACH ROW
                    WHEN (OLD."Document" IS DISTINCT FROM NEW."Document") EXECUTE FUNCTION search_words_changed();
                """);
            migrationBuilder.Sql(FillSql + ";");
            migrationBuilder.Sql("""ANALYZE "SearchWords";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "SearchWords_PeopleChanged" ON "SearchPeople";
                DROP TRIGGER IF EXISTS "SearchWords_PeopleAdded" ON "SearchPeople";
                DROP TRIGGER IF EXISTS "SearchWords_PapersChanged" ON "SearchPapers";
                DROP TRIGGER IF EXISTS "SearchWords_PapersAdded" ON "SearchPapers";
                DROP FUNCTION IF EXISTS search_words_changed();
                DROP FUNCTION IF EXISTS search_words_added();
                DROP TABLE IF EXISTS "SearchWords";
                """);
        }
    }
}
