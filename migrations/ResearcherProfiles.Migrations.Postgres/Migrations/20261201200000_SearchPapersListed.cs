using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Whether each paper is public, kept on its search document: listed visibly on a profile that
    /// is neither hidden nor in the trash and whose Publications section is not hidden (the rule of
    /// PublicListings). A search without filters then reads the flag instead of joining each
    /// match's listings, researchers and sections, a third of the papers statement's time.
    /// Triggers on the listings, the researchers' visibility and the Publications sections keep it
    /// in step in the same transaction as the change, writing only the rows whose flag changes.
    /// Named "Search_*" like the index's other triggers, so that a bulk load suspends them and its
    /// rebuild (through search_paper_refresh) sets the flag with the document. The model does not
    /// change: the search tables are outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201200000_SearchPapersListed")]
    public partial class SearchPapersListed : Migration
    {
        /// <summary>The function that writes a paper's document, with <paramref name="column"/> and <paramref name="value"/> added to what it inserts.</summary>
        private static string PaperRefresh(string column, string value) => $$"""
            CREATE OR REPLACE FUNCTION search_paper_refresh(paper integer) RETURNS void LANGUAGE sql AS $$
                DELETE FROM "SearchPapers" WHERE "PublicationId" = paper;
                INSERT INTO "SearchPapers" ("PublicationId", "Document"{{column}})
                SELECT p."Id",
                       setweight(to_tsvector('search_folded', p."Title"), 'A')
                    || setweight(to_tsvector('search_folded', coalesce((SELECT string_agg(a."Name", '; ' ORDER BY a."Position") FROM "PublicationAuthors" a WHERE a."PublicationId" = p."Id"), '')), 'B')
                    || setweight(to_tsvector('search_folded', concat_ws(' ', p."VenueName", p."VenueShort", array_to_string(p."Keywords", '; '))), 'C')
                    || setweight(to_tsvector('search_folded', coalesce(p."Abstract", '')), 'D'){{value}}
                FROM "Publications" p WHERE p."Id" = paper;
            $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Most papers are public: the column starts true without rewriting the table, and only
            // the others are written, so the rows stay in the id order the block-range index needs.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchPapers" ADD COLUMN "Listed" boolean NOT NULL DEFAULT TRUE;
                ALTER TABLE "SearchPapers" ALTER COLUMN "Listed" DROP DEFAULT;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_paper_listed(paper integer) RETURNS boolean LANGUAGE sql STABLE AS $$
                    SELECT EXISTS (SELECT 1 FROM "ProfilePublications" pp JOIN "Researchers" r ON r."Id" = pp."ResearcherId"
                                   WHERE pp."PublicationId" = paper AND pp."IsVisible" AND NOT r."IsHidden" AND r."DeletedAt" IS NULL
                                     AND NOT EXISTS (SELECT 1 FROM "ProfileSections" ps WHERE ps."ResearcherId" = r."Id" AND ps."Kind" = 'Publications' AND NOT ps."IsVisible"));
                $$;
                CREATE FUNCTION search_paper_listed_refresh(paper integer) RETURNS void LANGUAGE sql AS $$
                    UPDATE "SearchPapers" SET "Listed" = NOT "Listed" WHERE "PublicationId" = paper AND "Listed" <> search_paper_listed(paper);
                $$;
                CREATE FUNCTION search_researcher_papers_listed_refresh(researcher integer) RETURNS void LANGUAGE sql AS $$
                    UPDATE "SearchPapers" s SET "Listed" = NOT s."Listed"
                    WHERE s."PublicationId" IN (SELECT pp."PublicationId" FROM "ProfilePublications" pp WHERE pp."ResearcherId" = researcher)
                      AND s."Listed" <> search_paper_listed(s."PublicationId");
                $$;
                """);
            migrationBuilder.Sql(PaperRefresh(", \"Listed\"", ", search_paper_listed(p.\"Id\")"));

            migrationBuilder.Sql("""
                CREATE FUNCTION search_profile_publications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM search_paper_listed_refresh(OLD."PublicationId");
                    END IF;
                    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."PublicationId" <> OLD."PublicationId") THEN
                        PERFORM search_paper_listed_refresh(NEW."PublicationId");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_ProfilePublications" AFTER INSERT OR UPDATE OF "IsVisible", "ResearcherId", "PublicationId" OR DELETE
                    ON "ProfilePublications" FOR EACH ROW EXECUTE FUNCTION search_profile_publications_changed();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_researcher_shown_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM search_researcher_papers_listed_refresh(NEW."Id");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_ResearcherShown" AFTER UPDATE OF "IsHidden", "DeletedAt" ON "Researchers" FOR EACH ROW
                    WHEN (OLD."IsHidden" IS DISTINCT FROM NEW."IsHidden" OR OLD."DeletedAt" IS DISTINCT FROM NEW."DeletedAt")
                    EXECUTE FUNCTION search_researcher_shown_changed();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_profile_sections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND OLD."Kind" = 'Publications' THEN
                        PERFORM search_researcher_papers_listed_refresh(OLD."ResearcherId");
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."Kind" = 'Publications'
                       AND (TG_OP = 'INSERT' OR OLD."Kind" <> 'Publications' OR NEW."ResearcherId" <> OLD."ResearcherId") THEN
                        PERFORM search_researcher_papers_listed_refresh(NEW."ResearcherId");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_ProfileSections" AFTER INSERT OR UPDATE OF "IsVisible", "Kind", "ResearcherId" OR DELETE
                    ON "ProfileSections" FOR EACH ROW EXECUTE FUNCTION search_profile_sections_changed();
                """);

            migrationBuilder.Sql("""UPDATE "SearchPapers" SET "Listed" = FALSE WHERE NOT search_paper_listed("PublicationId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Search_ProfileSections" ON "ProfileSections";
                DROP TRIGGER IF EXISTS "Search_ResearcherShown" ON "Researchers";
                DROP TRIGGER IF EXISTS "Search_ProfilePublications" ON "ProfilePublications";
                DROP FUNCTION IF EXISTS search_profile_sections_changed();
                DROP FUNCTION IF EXISTS search_researcher_shown_changed();
                DROP FUNCTION IF EXISTS search_profile_publications_changed();
                """);
            migrationBuilder.Sql(PaperRefresh("", ""));
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS search_researcher_papers_listed_refresh(integer);
                DROP FUNCTION IF EXISTS search_paper_listed_refresh(integer);
                DROP FUNCTION IF EXISTS search_paper_listed(integer);
                ALTER TABLE "SearchPapers" DROP COLUMN IF EXISTS "Listed";
                """);
        }
    }
}
