using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_EscalatedAtUtc_EscalationLevel",
                table: "Projects",
                columns: new[] { "EscalatedAtUtc", "EscalationLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_StaleFlaggedAtUtc",
                table: "Projects",
                column: "StaleFlaggedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_EscalatedAtUtc_EscalationLevel",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_StaleFlaggedAtUtc",
                table: "Projects");
        }
    }
}
