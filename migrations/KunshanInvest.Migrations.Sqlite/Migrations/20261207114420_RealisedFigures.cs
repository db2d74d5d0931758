using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RealisedFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    ForeignPartFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceType = table.Column<int>(type: "INTEGER", nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceSizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsImported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FigureEntries_AspNetUsers_CheckedById",
                        column: x => x.CheckedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FigureEntries_AspNetUsers_EnteredById",
                        column: x => x.EnteredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FigureEntries_FigureEntries_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "FigureEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FigureEntries_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    LandMu = table.Column<double>(type: "REAL", nullable: true),
                    CarrierReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StatisticsPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OverrideById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceSizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_AspNetUsers_OverrideById",
                        column: x => x.OverrideById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureEntries_CheckedById",
                table: "FigureEntries",
                column: "CheckedById");

            migrationBuilder.CreateIndex(
                name: "IX_FigureEntries_EnteredById",
                table: "FigureEntries",
                column: "EnteredById");

            migrationBuilder.CreateIndex(
                name: "IX_FigureEntries_ProjectId_Period",
                table: "FigureEntries",
                columns: new[] { "ProjectId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_FigureEntries_Status_Kind_Period_ProjectId_Value",
                table: "FigureEntries",
                columns: new[] { "Status", "Kind", "Period", "ProjectId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_FigureEntries_SupersedesId",
                table: "FigureEntries",
                column: "SupersedesId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OverrideById",
                table: "Milestones",
                column: "OverrideById");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProjectId_Kind",
                table: "Milestones",
                columns: new[] { "ProjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_RecordedById",
                table: "Milestones",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureEntries");

            migrationBuilder.DropTable(
                name: "Milestones");
        }
    }
}
