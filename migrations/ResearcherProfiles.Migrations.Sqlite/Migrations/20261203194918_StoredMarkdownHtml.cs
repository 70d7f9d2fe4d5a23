using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoredMarkdownHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AboutHtml",
                table: "Researchers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicationsNoteHtml",
                table: "Researchers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Researchers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroHtml",
                table: "ProfileSections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "ProfileSections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionHtml",
                table: "Positions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Positions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "News",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "News",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AboutHtml",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "PublicationsNoteHtml",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Researchers");

            migrationBuilder.DropColumn(
                name: "IntroHtml",
                table: "ProfileSections");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "ProfileSections");

            migrationBuilder.DropColumn(
                name: "DescriptionHtml",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Positions");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "News");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "News");
        }
    }
}
