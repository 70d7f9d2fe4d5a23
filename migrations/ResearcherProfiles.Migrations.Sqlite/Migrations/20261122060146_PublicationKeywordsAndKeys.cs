using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicationKeywordsAndKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CitationKey",
                table: "Publications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "Publications",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "Publications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Publications_TitleKey",
                table: "Publications",
                column: "TitleKey");

            // DOIs are case-insensitive; stored in lowercase they compare with a plain index lookup.
            migrationBuilder.Sql("UPDATE Publications SET Doi = lower(Doi) WHERE Doi IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_TitleKey",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CitationKey",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Keywords",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "Publications");
        }
    }
}
