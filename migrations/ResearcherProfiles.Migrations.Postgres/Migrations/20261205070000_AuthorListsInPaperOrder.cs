using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A profile whose address or visibility changes rewrites the stored author list of each of its
    /// papers (migration PublicationAuthorListsStored), locking each list's row as it goes. Two such
    /// changes at once (two co-authors renaming their addresses) must take the rows of the papers they
    /// share in one order, or each can hold a row the other waits for and PostgreSQL rolls one back as
    /// a deadlock. The papers are now taken in the order of their ids, one at a time, instead of in
    /// whatever order the set of them came out of the database.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205070000_AuthorListsInPaperOrder")]
    public partial class AuthorListsInPaperOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION author_list_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    paper integer;
                BEGIN
                    FOR paper IN SELECT DISTINCT pa."PublicationId" FROM "PublicationAuthors" AS pa WHERE pa."ResearcherId" = NEW."Id" ORDER BY 1 LOOP
                        IF first_in_transaction('author_lists', paper) THEN
                            PERFORM author_list_refresh(paper);
                        END IF;
                    END LOOP;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION author_list_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM author_list_refresh(a."PublicationId")
                    FROM (SELECT DISTINCT pa."PublicationId" FROM "PublicationAuthors" AS pa WHERE pa."ResearcherId" = NEW."Id") AS a
                    WHERE first_in_transaction('author_lists', a."PublicationId");
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
