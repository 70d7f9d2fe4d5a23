using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search: two FTS5 tables (people and papers, keyed by the researcher's and the
    /// paper's id) kept in step with the data by triggers, so that every code path that writes —
    /// editor, import, sync, undo, purge, copy, seeding — updates the index in the same transaction.
    /// They hold their own copy of the text rather than reading it from the tables (external
    /// content): a paper's text spans two tables and the lists are stored as JSON, which only a
    /// trigger can flatten. Visibility is not indexed; queries join it in, so hiding a profile or
    /// a section changes nothing here.
    /// </summary>
    public partial class Search : Migration
    {
        private const string Tokenizer = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'";

        private const string PersonRow = """
            INSERT INTO "SearchPeople" (rowid, "Name", "Variants", "Headline", "Affiliation", "Interests", "Skills", "About")
            SELECT r."Id",
                   r."DisplayName",
                   concat_ws('; ', r."GivenName", r."FamilyName", (SELECT group_concat(value, '; ') FROM json_each(r."NameVariants"))),
                   r."Headline", r."Affiliation",
                   (SELECT group_concat(value, '; ') FROM json_each(r."Interests")),
                   (SELECT group_concat(value, '; ') FROM json_each(r."Skills")),
                   r."AboutMarkdown"
            FROM "Researchers" r
            """;

        private const string PaperRow = """
            INSERT INTO "SearchPapers" (rowid, "Title", "Authors", "Venue", "Keywords", "Abstract")
            SELECT p."Id", p."Title",
                   (SELECT group_concat("Name", '; ') FROM (SELECT a."Name" FROM "PublicationAuthors" a WHERE a."PublicationId" = p."Id" ORDER BY a."Position")),
                   coalesce(p."VenueName", '') || ' ' || coalesce(p."VenueShort", ''),
                   (SELECT group_concat(value, '; ') FROM json_each(p."Keywords")),
                   p."Abstract"
            FROM "Publications" p
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "SearchPeople" USING fts5("Name", "Variants", "Headline", "Affiliation", "Interests", "Skills", "About", {Tokenizer});""");
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "SearchPapers" USING fts5("Title", "Authors", "Venue", "Keywords", "Abstract", {Tokenizer});""");
            migrationBuilder.Sql(PersonRow + ";");
            migrationBuilder.Sql(PaperRow + ";");

            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_Researchers_Insert" AFTER INSERT ON "Researchers" BEGIN
                    {PersonRow} WHERE r."Id" = new."Id";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_Researchers_Update" AFTER UPDATE OF "DisplayName", "GivenName", "FamilyName", "NameVariants", "Headline", "Affiliation", "Interests", "Skills", "AboutMarkdown" ON "Researchers" BEGIN
                    DELETE FROM "SearchPeople" WHERE rowid = old."Id";
                    {PersonRow} WHERE r."Id" = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_Researchers_Delete" AFTER DELETE ON "Researchers" BEGIN
                    DELETE FROM "SearchPeople" WHERE rowid = old."Id";
                END;
                """);

            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_Publications_Insert" AFTER INSERT ON "Publications" BEGIN
                    {PaperRow} WHERE p."Id" = new."Id";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_Publications_Update" AFTER UPDATE OF "Title", "VenueName", "VenueShort", "Keywords", "Abstract" ON "Publications" BEGIN
                    DELETE FROM "SearchPapers" WHERE rowid = old."Id";
                    {PaperRow} WHERE p."Id" = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_Publications_Delete" AFTER DELETE ON "Publications" BEGIN
                    DELETE FROM "SearchPapers" WHERE rowid = old."Id";
                END;
                """);

            // An author row changes its paper's text: the paper's row is written again (or only
            // removed, when the paper itself is gone).
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_PublicationAuthors_Insert" AFTER INSERT ON "PublicationAuthors" BEGIN
                    DELETE FROM "SearchPapers" WHERE rowid = new."PublicationId";
                    {PaperRow} WHERE p."Id" = new."PublicationId";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_PublicationAuthors_Update" AFTER UPDATE OF "Name", "Position", "PublicationId" ON "PublicationAuthors" BEGIN
                    DELETE FROM "SearchPapers" WHERE rowid IN (old."PublicationId", new."PublicationId");
                    {PaperRow} WHERE p."Id" IN (old."PublicationId", new."PublicationId");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_PublicationAuthors_Delete" AFTER DELETE ON "PublicationAuthors" BEGIN
                    DELETE FROM "SearchPapers" WHERE rowid = old."PublicationId";
                    {PaperRow} WHERE p."Id" = old."PublicationId";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "Search_Researchers_Insert", "Search_Researchers_Update", "Search_Researchers_Delete",
                "Search_Publications_Insert", "Search_Publications_Update", "Search_Publications_Delete",
                "Search_PublicationAuthors_Insert", "Search_PublicationAuthors_Update", "Search_PublicationAuthors_Delete",
            })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            }
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchPapers";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchPeople";""");
        }
    }
}
