using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectNarrativeHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NarrativeHtml",
                table: "Projects",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Projects",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NarrativeHtml",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Projects");
        }
    }
}
