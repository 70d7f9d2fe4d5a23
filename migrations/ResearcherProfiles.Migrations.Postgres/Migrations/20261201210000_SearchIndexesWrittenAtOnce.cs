using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The full-text indexes take each new or changed document into their structure at once
    /// (fastupdate off) instead of into a pending list that waits for the next vacuum. Every search
    /// reads that list in full, and while it holds entries the planner prices the index higher: on
    /// the 10k site, after 2,000 documents were rewritten, it intersected the block-range index
    /// first, which leaves every page inexact, and a search checked 25,000 rows instead of 2,000
    /// ("robust": 13.6–22.2 ms, 7.7–11.3 ms once a vacuum had emptied the list). Writing a document
    /// costs a little more: rebuilding 20,000 took 9.7 s instead of 7.1. The model does not change:
    /// the search tables are outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201210000_SearchIndexesWrittenAtOnce")]
    public partial class SearchIndexesWrittenAtOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER INDEX "IX_SearchPapers_Document" SET (fastupdate = off);
                ALTER INDEX "IX_SearchPeople_Document" SET (fastupdate = off);
                SELECT gin_clean_pending_list('"IX_SearchPapers_Document"'::regclass), gin_clean_pending_list('"IX_SearchPeople_Document"'::regclass);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER INDEX "IX_SearchPapers_Document" SET (fastupdate = on);
                ALTER INDEX "IX_SearchPeople_Document" SET (fastupdate = on);
                """);
        }
    }
}
