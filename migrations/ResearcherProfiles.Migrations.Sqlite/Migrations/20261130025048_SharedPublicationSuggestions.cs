using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedPublicationSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AcceptCoauthorPapers",
                table: "Researchers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PublicationSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResearcherId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedByResearcherId = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationSuggestions_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicationSuggestions_Researchers_ResearcherId",
                        column: x => x.ResearcherId,
                        principalTable: "Researchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicationSuggestions_Researchers_SuggestedByResearcherId",
                        column: x => x.SuggestedByResearcherId,
                        principalTable: "Researchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicationSuggestions_PublicationId",
                table: "PublicationSuggestions",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationSuggestions_ResearcherId_PublicationId",
                table: "PublicationSuggestions",
                columns: new[] { "ResearcherId", "PublicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicationSuggestions_SuggestedByResearcherId",
                table: "PublicationSuggestions",
                column: "SuggestedByResearcherId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicationSuggestions");

            migrationBuilder.DropColumn(
                name: "AcceptCoauthorPapers",
                table: "Researchers");
        }
    }
}
