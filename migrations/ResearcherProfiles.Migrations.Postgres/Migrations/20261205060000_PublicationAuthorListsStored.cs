using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each paper's authors as a list shows them, kept in "PublicationAuthorLists": one row per paper
    /// holding a JSON array of its authors in their order, each as [paper, name, linked profile,
    /// that profile's address while it is public, equal contribution, corresponding] — the rows
    /// PaperDetails reads from the tables. Lists of papers then read one row each instead of looking
    /// up every author and every linked profile on every visit (tests/benchmarks/RESULTS.md).
    ///
    /// Written by triggers as the transaction commits, once per paper (first_in_transaction), as
    /// "ProfileLists" is (migration ProfileListsStored): when a paper is added, when its author rows change, and when
    /// a linked profile's address or visibility changes (a profile deleted unlinks its author rows,
    /// which is a change of those rows). Removed with the paper by the foreign key. Named
    /// "PublicationAuthorLists_*": a bulk load (SearchIndexLoad) suspends them and fills the table
    /// once at the end (<see cref="FillSql"/>). The model does not change: the table is outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205060000_PublicationAuthorListsStored")]
    public partial class PublicationAuthorListsStored : Migration
    {
        /// <summary>The statement that writes the author list of every paper again (also run by SearchIndexLoad).</summary>
        public const string FillSql = """
            INSERT INTO "PublicationAuthorLists" ("PublicationId", "Authors")
            SELECT p."Id", author_list_of(p."Id") FROM "Publications" AS p
            ON CONFLICT ("PublicationId") DO UPDATE SET "Authors" = EXCLUDED."Authors"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "PublicationAuthorLists" (
                    "PublicationId" integer PRIMARY KEY REFERENCES "Publications" ("Id") ON DELETE CASCADE,
                    "Authors" text NOT NULL DEFAULT '[]');
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION author_list_of(paper integer) RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT coalesce(json_agg(json_build_array(pa."PublicationId", pa."Name", pa."ResearcherId",
                                (SELECT ar."Slug" FROM "Researchers" AS ar WHERE ar."Id" = pa."ResearcherId" AND NOT ar."IsHidden" AND ar."DeletedAt" IS NULL),
                                pa."EqualContribution", pa."Corresponding") ORDER BY pa."PublicationId", pa."Position"), '[]')::text
                    FROM "PublicationAuthors" AS pa WHERE pa."PublicationId" = paper
                $$;
                CREATE FUNCTION author_list_refresh(paper integer) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "PublicationAuthorLists" ("PublicationId") SELECT p."Id" FROM "Publications" p WHERE p."Id" = paper
                        ON CONFLICT ("PublicationId") DO NOTHING;
                    -- Held to the end of the transaction; the next statement reads the authors as they
                    -- stand once any other writer of this paper has committed.
                    PERFORM FROM "PublicationAuthorLists" WHERE "PublicationId" = paper FOR UPDATE;
                    UPDATE "PublicationAuthorLists" SET "Authors" = author_list_of(paper) WHERE "PublicationId" = paper;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION author_list_authors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND first_in_transaction('author_lists', OLD."PublicationId") THEN
                        PERFORM author_list_refresh(OLD."PublicationId");
                    END IF;
                    IF TG_OP <> 'DELETE' AND first_in_transaction('author_lists', NEW."PublicationId") THEN
                        PERFORM author_list_refresh(NEW."PublicationId");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION author_list_paper_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF first_in_transaction('author_lists', NEW."Id") THEN
                        PERFORM author_list_refresh(NEW."Id");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION author_list_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM author_list_refresh(a."PublicationId")
                    FROM (SELECT DISTINCT pa."PublicationId" FROM "PublicationAuthors" AS pa WHERE pa."ResearcherId" = NEW."Id") AS a
                    WHERE first_in_transaction('author_lists', a."PublicationId");
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER "PublicationAuthorLists_Publications" AFTER INSERT ON "Publications"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION author_list_paper_added();
                CREATE CONSTRAINT TRIGGER "PublicationAuthorLists_PublicationAuthors" AFTER INSERT OR UPDATE OR DELETE ON "PublicationAuthors"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION author_list_authors_changed();
                CREATE CONSTRAINT TRIGGER "PublicationAuthorLists_Researchers" AFTER UPDATE OF "Slug", "IsHidden", "DeletedAt" ON "Researchers"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (OLD."Slug" IS DISTINCT FROM NEW."Slug" OR OLD."IsHidden" IS DISTINCT FROM NEW."IsHidden" OR OLD."DeletedAt" IS DISTINCT FROM NEW."DeletedAt")
                    EXECUTE FUNCTION author_list_profile_changed();
                """);
            migrationBuilder.Sql(FillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "PublicationAuthorLists_Researchers" ON "Researchers";
                DROP TRIGGER IF EXISTS "PublicationAuthorLists_PublicationAuthors" ON "PublicationAuthors";
                DROP TRIGGER IF EXISTS "PublicationAuthorLists_Publications" ON "Publications";
                DROP FUNCTION IF EXISTS author_list_profile_changed();
                DROP FUNCTION IF EXISTS author_list_paper_added();
                DROP FUNCTION IF EXISTS author_list_authors_changed();
                DROP FUNCTION IF EXISTS author_list_refresh(integer);
                DROP FUNCTION IF EXISTS author_list_of(integer);
                DROP TABLE IF EXISTS "PublicationAuthorLists";
                """);
        }
    }
}
