using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Full-text search: a tsvector per researcher and per paper in two side tables with GIN
    /// indexes, written by triggers so that every code path that writes — editor, import, sync,
    /// undo, purge, copy, seeding — updates them in the same transaction, and removed with their
    /// row by the foreign key. Text is folded by the search_folded configuration (unaccent, then
    /// simple: lowercase, no stemming, since names and titles come in every language), which both
    /// the documents and the queries go through, so "Jurgen" and "Jürgen" meet. Visibility is not
    /// indexed; queries join it in.
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION search_folded (COPY = pg_catalog.simple);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION search_folded
                    ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "SearchPeople" (
                    "ResearcherId" integer PRIMARY KEY REFERENCES "Researchers" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                CREATE INDEX "IX_SearchPeople_Document" ON "SearchPeople" USING gin ("Document");
                CREATE TABLE "SearchPapers" (
                    "PublicationId" integer PRIMARY KEY REFERENCES "Publications" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                CREATE INDEX "IX_SearchPapers_Document" ON "SearchPapers" USING gin ("Document");
                """);

            // Weights: A names (and titles), B what a person is known for (and a paper's authors),
            // C skills (and venue, keywords), D the long text.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_person_refresh(researcher integer) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO "SearchPeople" ("ResearcherId", "Document")
                    SELECT r."Id",
                           setweight(to_tsvector('search_folded', concat_ws(' ', r."DisplayName", r."GivenName", r."FamilyName", array_to_string(r."NameVariants", '; '))), 'A')
                        || setweight(to_tsvector('search_folded', concat_ws(' ', r."Headline", r."Affiliation", array_to_string(r."Interests", '; '))), 'B')
                        || setweight(to_tsvector('search_folded', array_to_string(r."Skills", '; ')), 'C')
                        || setweight(to_tsvector('search_folded', coalesce(r."AboutMarkdown", '')), 'D')
                    FROM "Researchers" r WHERE r."Id" = researcher
                    ON CONFLICT ("ResearcherId") DO UPDATE SET "Document" = EXCLUDED."Document";
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_paper_refresh(paper integer) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "SearchPapers" WHERE "PublicationId" = paper;
                    INSERT INTO "SearchPapers" ("PublicationId", "Document")
                    SELECT p."Id",
                           setweight(to_tsvector('search_folded', p."Title"), 'A')
                        || setweight(to_tsvector('search_folded', coalesce((SELECT string_agg(a."Name", '; ' ORDER BY a."Position") FROM "PublicationAuthors" a WHERE a."PublicationId" = p."Id"), '')), 'B')
                        || setweight(to_tsvector('search_folded', concat_ws(' ', p."VenueName", p."VenueShort", array_to_string(p."Keywords", '; '))), 'C')
                        || setweight(to_tsvector('search_folded', coalesce(p."Abstract", '')), 'D')
                    FROM "Publications" p WHERE p."Id" = paper;
                $$;
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION search_researchers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM search_person_refresh(NEW."Id");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_Researchers" AFTER INSERT OR UPDATE OF "DisplayName", "GivenName", "FamilyName", "NameVariants", "Headline", "Affiliation", "Interests", "Skills", "AboutMarkdown"
                    ON "Researchers" FOR EACH ROW EXECUTE FUNCTION search_researchers_changed();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_publications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM search_paper_refresh(NEW."Id");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_Publications" AFTER INSERT OR UPDATE OF "Title", "VenueName", "VenueShort", "Keywords", "Abstract"
                    ON "Publications" FOR EACH ROW EXECUTE FUNCTION search_publications_changed();
                """);
            // An author row changes its paper's text: the paper's row is written again (or stays
            // removed, when the paper itself is gone).
            migrationBuilder.Sql("""
                CREATE FUNCTION search_publication_authors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM search_paper_refresh(OLD."PublicationId");
                    END IF;
                    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."PublicationId" <> OLD."PublicationId") THEN
                        PERFORM search_paper_refresh(NEW."PublicationId");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Search_PublicationAuthors" AFTER INSERT OR UPDATE OF "Name", "Position", "PublicationId" OR DELETE
                    ON "PublicationAuthors" FOR EACH ROW EXECUTE FUNCTION search_publication_authors_changed();
                """);

            migrationBuilder.Sql("""SELECT search_person_refresh("Id") FROM "Researchers";""");
            migrationBuilder.Sql("""SELECT search_paper_refresh("Id") FROM "Publications";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Search_PublicationAuthors" ON "PublicationAuthors";
                DROP TRIGGER IF EXISTS "Search_Publications" ON "Publications";
                DROP TRIGGER IF EXISTS "Search_Researchers" ON "Researchers";
                DROP FUNCTION IF EXISTS search_publication_authors_changed();
                DROP FUNCTION IF EXISTS search_publications_changed();
                DROP FUNCTION IF EXISTS search_researchers_changed();
                DROP FUNCTION IF EXISTS search_paper_refresh(integer);
                DROP FUNCTION IF EXISTS search_person_refresh(integer);
                DROP TABLE IF EXISTS "SearchPapers";
                DROP TABLE IF EXISTS "SearchPeople";
                DROP TEXT SEARCH CONFIGURATION IF EXISTS search_folded;
                """);
        }
    }
}
