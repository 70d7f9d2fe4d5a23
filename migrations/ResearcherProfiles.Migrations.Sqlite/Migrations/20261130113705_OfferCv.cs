using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfferCv : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OfferCv",
                table: "Researchers",
                type: "INTEGER",
                nullable: false,
                // Profiles that existed before the choice offer their CV, as new ones do.
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OfferCv",
                table: "Researchers");
        }
    }
}
