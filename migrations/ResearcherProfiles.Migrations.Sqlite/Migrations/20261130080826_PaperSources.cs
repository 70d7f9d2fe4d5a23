using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DblpPid",
                table: "Researchers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenAlexAuthorId",
                table: "Researchers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrcidId",
                table: "Researchers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShowCitationCounts",
                table: "Researchers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CitationCounts",
                columns: table => new
                {
                    PublicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitationCounts", x => x.PublicationId);
                    table.ForeignKey(
                        name: "FK_CitationCounts_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FoundWorks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResearcherId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MatchKey = table.Column<string>(type: "TEXT", maxLength: 520, nullable: false),
                    Doi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ArxivId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TitleKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Bibtex = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RejectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoundWorks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoundWorks_Researchers_ResearcherId",
                        column: x => x.ResearcherId,
                        principalTable: "Researchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourceSyncStates",
                columns: table => new
                {
                    ResearcherId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRunAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastProblem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastFoundCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CitationsReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceSyncStates", x => x.ResearcherId);
                    table.ForeignKey(
                        name: "FK_SourceSyncStates_Researchers_ResearcherId",
                        column: x => x.ResearcherId,
                        principalTable: "Researchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkerLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FoundWorks_ResearcherId_MatchKey",
                table: "FoundWorks",
                columns: new[] { "ResearcherId", "MatchKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoundWorks_ResearcherId_Status",
                table: "FoundWorks",
                columns: new[] { "ResearcherId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceSyncStates_DueAt",
                table: "SourceSyncStates",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CitationCounts");

            migrationBuilder.DropTable(
                name: "FoundWorks");

            migrationBuilder.DropTable(
                name: "SourceSyncStates");

            migrationBuilder.DropTable(
                name: "WorkerLeases");

            migrationBuilder.DropColumn(
                name: "DblpPid",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "OpenAlexAuthorId",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "OrcidId",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "ShowCitationCounts",
                table: "Researchers");
        }
    }
}
