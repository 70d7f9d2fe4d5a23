using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A block-range index over the search documents' paper ids, so that a search can read only the
    /// matches among the newest papers: the planner intersects it with the full-text index before
    /// reading a row. Rows are written in id order as papers are added, so a range of 16 pages
    /// holds a narrow band of ids; the index is a few dozen kilobytes and costs nothing to keep.
    /// The model does not change: the search tables are outside it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201160000_SearchPapersIdRange")]
    public partial class SearchPapersIdRange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_SearchPapers_PublicationId_Range" ON "SearchPapers" USING brin ("PublicationId")
                    WITH (pages_per_range = 16, autosummarize = on);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchPapers_PublicationId_Range";""");
        }
    }
}
