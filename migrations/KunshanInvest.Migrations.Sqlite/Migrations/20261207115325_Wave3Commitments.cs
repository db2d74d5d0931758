using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wave3Commitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Metric = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FigureKind = table.Column<int>(type: "INTEGER", nullable: true),
                    MilestoneKind = table.Column<int>(type: "INTEGER", nullable: true),
                    FromPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    MissedFlaggedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementCommitments_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementCommitments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementCommitments_CreatedById",
                table: "AgreementCommitments",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementCommitments_MissedFlaggedAtUtc_CheckOn",
                table: "AgreementCommitments",
                columns: new[] { "MissedFlaggedAtUtc", "CheckOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementCommitments_ProjectId_CheckOn",
                table: "AgreementCommitments",
                columns: new[] { "ProjectId", "CheckOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementCommitments");
        }
    }
}
