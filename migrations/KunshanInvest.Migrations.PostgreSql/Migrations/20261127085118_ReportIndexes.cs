using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_ByUserId",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ByUserId_OccurredAtUtc",
                table: "Interactions",
                columns: new[] { "ByUserId", "OccurredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_ByUserId_OccurredAtUtc",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ByUserId",
                table: "Interactions",
                column: "ByUserId");
        }
    }
}
