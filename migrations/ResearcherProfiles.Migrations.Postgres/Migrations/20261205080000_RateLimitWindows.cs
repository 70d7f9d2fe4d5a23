using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearcherProfiles.Core.Data;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The account forms' rate limit counted for every instance of a site without Redis
    /// (PostgresWindowCounter): one row per client's open window. Unlogged, as the counts are worth
    /// nothing after a crash, and outside the model, as only this statement of the limiter reads it
    /// and a copy of the site (--copy-database) has no use for it. SQLite serves one instance, which
    /// counts in memory.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205080000_RateLimitWindows")]
    public partial class RateLimitWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE rate_limit_windows (
                    key text PRIMARY KEY,
                    count bigint NOT NULL,
                    ends_at timestamptz NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE rate_limit_windows;");
        }
    }
}
