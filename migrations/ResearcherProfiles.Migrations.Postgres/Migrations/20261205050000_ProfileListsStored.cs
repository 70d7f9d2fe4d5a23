using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each profile's lists as its public pages read them, kept in "ProfileLists": one row per
    /// profile, one JSON array per list (the layout, then the visible links, news, degrees,
    /// positions, awards, service roles, talks, writing and projects), each row an array of the
    /// entity's columns in the model's order. An uncached profile then reads one row instead of
    /// building ten arrays on every visit: on the 10k site PostgreSQL's share of a profile page was
    /// mostly starting and running those ten subqueries (tests/benchmarks/RESULTS.md).
    ///
    /// Written by triggers on the ten tables in the transaction that writes the list, whatever
    /// writes it (editor, import, undo, purge, copy), and removed with the profile by the foreign
    /// key. They run as the transaction commits, once per profile; the writer first locks the
    /// profile's row and only then reads the lists, so two transactions changing one profile's lists
    /// take turns and the second sees the first's rows.
    /// The arrays must stay what ProfileLists reads from the model: a migration that adds or renames
    /// a column of these tables replaces profile_lists_refresh and calls it for every profile
    /// (ProfileListsStoredTests compares the stored lists with the lists read from the tables).
    /// Named "ProfileLists_*": a bulk load (SearchIndexLoad) suspends them and fills the table once
    /// at the end. The model does not change: the table is outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205050000_ProfileListsStored")]
    public partial class ProfileListsStored : Migration
    {
        /// <summary>The statement that writes the stored lists of every profile again (also run by SearchIndexLoad).</summary>
        public const string FillSql = """SELECT count(profile_lists_refresh("Id")) FROM "Researchers" """;

        /// <summary>The tables of a profile's lists, each with its "ResearcherId".</summary>
        private static readonly string[] Tables =
            ["ProfileSections", "ProfileLinks", "News", "Education", "Positions", "Awards", "ServiceRoles", "Talks", "Writing", "Projects"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ProfileLists" (
                    "ResearcherId" integer PRIMARY KEY REFERENCES "Researchers" ("Id") ON DELETE CASCADE,
                    "Layout" text NOT NULL DEFAULT '[]',
                    "Links" text NOT NULL DEFAULT '[]',
                    "News" text NOT NULL DEFAULT '[]',
                    "Education" text NOT NULL DEFAULT '[]',
                    "Positions" text NOT NULL DEFAULT '[]',
                    "Awards" text NOT NULL DEFAULT '[]',
                    "Service" text NOT NULL DEFAULT '[]',
                    "Talks" text NOT NULL DEFAULT '[]',
                    "Writing" text NOT NULL DEFAULT '[]',
                    "Projects" text NOT NULL DEFAULT '[]');
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION profile_lists_refresh(researcher integer) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ProfileLists" ("ResearcherId") SELECT r."Id" FROM "Researchers" r WHERE r."Id" = researcher
                        ON CONFLICT ("ResearcherId") DO NOTHING;
                    -- Held to the end of the transaction; the next statement reads the lists as they
                    -- stand once any other writer of this profile has committed.
                    PERFORM FROM "ProfileLists" WHERE "ResearcherId" = researcher FOR UPDATE;
                    UPDATE "ProfileLists" SET ("Layout", "Links", "News", "Education", "Positions", "Awards", "Service", "Talks", "Writing", "Projects") = (SELECT
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."IntroHtml", t."IntroMarkdown", t."IsVisible", t."ItemsShown", t."Kind", t."OwnSection", t."RenderedWith", t."ResearcherId", t."SortOrder", t."Title", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "ProfileSections" AS t WHERE t."ResearcherId" = researcher),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."IsVisible", t."Kind", t."Label", t."ResearcherId", t."SortOrder", t."Url", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "ProfileLinks" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."BodyHtml", t."BodyMarkdown", t."Date", t."IsVisible", t."RenderedWith", t."ResearcherId", t."SortOrder", t."Version") ORDER BY t."Date" DESC, t."SortOrder", t."Id" ), '[]') FROM "News" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."Advisors", t."Degree", t."Description", t."End", t."Field", t."Institution", t."IsVisible", t."Location", t."ResearcherId", t."SortOrder", t."Start", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Education" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."DescriptionHtml", t."DescriptionMarkdown", t."Employer", t."End", t."IsVisible", t."Kind", t."Location", t."RenderedWith", t."ResearcherId", t."SortOrder", t."Start", t."Title", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Positions" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."IsVisible", t."Issuer", t."Note", t."ResearcherId", t."SortOrder", t."Title", t."Version", t."Year") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Awards" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."IsVisible", t."ResearcherId", t."Role", t."SortOrder", t."Venue", t."Version", t."Years") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "ServiceRoles" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."Date", t."Host", t."IsVisible", t."Location", t."ResearcherId", t."SlidesUrl", t."SortOrder", t."Title", t."Url", t."Version", t."VideoUrl") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Talks" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."Date", t."Description", t."IsVisible", t."ListTitle", t."ResearcherId", t."SortOrder", t."Title", t."Url", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Writing" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"),
                        (SELECT coalesce(json_agg(json_build_array(t."Id", t."Collaborators", t."End", t."Group", t."Institution", t."IsVisible", t."Kind", t."Mentors", t."NarrativeHtml", t."NarrativeMarkdown", t."Popularity", t."RenderedWith", t."ResearcherId", t."Role", t."SortOrder", t."Start", t."Status", t."Summary", t."Title", t."Version") ORDER BY t."SortOrder", t."Id" ), '[]') FROM "Projects" AS t WHERE t."ResearcherId" = researcher AND t."IsVisible"))
                    WHERE "ResearcherId" = researcher;
                END $$;
                """);
            // A row that moves to another profile changes both; a profile's own row is written when
            // the profile is, so that every profile has one. The triggers are deferred to the commit,
            // when the transaction holds every lock of its own writes: taking the profile's row in the
            // middle of them made two editors of one list wait for each other's rows (a deadlock).
            // The first refresh at the commit sees all of the transaction's writes, so each profile is
            // written once per transaction however many of its rows changed (first_in_transaction
            // keeps the ids written in a setting that ends with the transaction).
            migrationBuilder.Sql("""
                CREATE FUNCTION first_in_transaction(list text, id integer) RETURNS boolean LANGUAGE plpgsql AS $$
                DECLARE
                    setting text := 'written.' || list;
                    done text := coalesce(current_setting(setting, true), '');
                BEGIN
                    IF id IS NULL OR position(',' || id || ',' IN done) > 0 THEN
                        RETURN false;
                    END IF;
                    PERFORM set_config(setting, CASE WHEN done = '' THEN ',' ELSE done END || id || ',', true);
                    RETURN true;
                END $$;
                CREATE FUNCTION profile_lists_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND first_in_transaction('profile_lists', OLD."ResearcherId") THEN
                        PERFORM profile_lists_refresh(OLD."ResearcherId");
                    END IF;
                    IF TG_OP <> 'DELETE' AND first_in_transaction('profile_lists', NEW."ResearcherId") THEN
                        PERFORM profile_lists_refresh(NEW."ResearcherId");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION profile_lists_researcher_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF first_in_transaction('profile_lists', NEW."Id") THEN
                        PERFORM profile_lists_refresh(NEW."Id");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER "ProfileLists_Researchers" AFTER INSERT ON "Researchers"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION profile_lists_researcher_added();
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER "ProfileLists_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION profile_lists_changed();
                    """);
            }
            migrationBuilder.Sql(FillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "ProfileLists_{table}" ON "{table}";""");
            }
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ProfileLists_Researchers" ON "Researchers";
                DROP FUNCTION IF EXISTS profile_lists_changed();
                DROP FUNCTION IF EXISTS profile_lists_researcher_added();
                DROP FUNCTION IF EXISTS first_in_transaction(text, integer);
                DROP FUNCTION IF EXISTS profile_lists_refresh(integer);
                DROP TABLE IF EXISTS "ProfileLists";
                """);
        }
    }
}
