using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearcherProfiles.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SectionLayout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Group",
                table: "Projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Institution",
                table: "Projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProfileSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IntroMarkdown = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ItemsShown = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnSection = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ResearcherId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsVisible = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileSections_Researchers_ResearcherId",
                        column: x => x.ResearcherId,
                        principalTable: "Researchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSections_ResearcherId_Kind",
                table: "ProfileSections",
                columns: new[] { "ResearcherId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSections_ResearcherId_SortOrder",
                table: "ProfileSections",
                columns: new[] { "ResearcherId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfileSections");

            migrationBuilder.DropColumn(
                name: "Group",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Institution",
                table: "Projects");
        }
    }
}
