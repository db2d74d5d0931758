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
            migrationBuilder.DropColumn(
                name: "FundsInPlaceFen",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "RealisedAnnualOutputFen",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "RealisedAnnualTaxFen",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "RealisedJobs",
                table: "Projects");

            migrationBuilder.AddColumn<long>(
                name: "ApprovedPayoutsFen",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "TypeConfirmedAtUtc",
                table: "Partners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatisticsType",
                table: "Enterprises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "FrozenAtUtc",
                table: "Attributions",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "EnterpriseAliases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseAliases_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "RewardPayouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodTo = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaidById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardPayouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardPayouts_AspNetUsers_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardPayouts_AspNetUsers_PaidById",
                        column: x => x.PaidById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardPayouts_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardPayouts_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
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

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseAliases_EnterpriseId_Key",
                table: "EnterpriseAliases",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseAliases_Key",
                table: "EnterpriseAliases",
                column: "Key");

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

            migrationBuilder.CreateIndex(
                name: "IX_RewardPayouts_ApprovedById",
                table: "RewardPayouts",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_RewardPayouts_PaidById",
                table: "RewardPayouts",
                column: "PaidById");

            migrationBuilder.CreateIndex(
                name: "IX_RewardPayouts_PartnerId_Status_AmountFen",
                table: "RewardPayouts",
                columns: new[] { "PartnerId", "Status", "AmountFen" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardPayouts_RequestedAtUtc",
                table: "RewardPayouts",
                column: "RequestedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RewardPayouts_RequestedById",
                table: "RewardPayouts",
                column: "RequestedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementCommitments");

            migrationBuilder.DropTable(
                name: "EnterpriseAliases");

            migrationBuilder.DropTable(
                name: "FigureEntries");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "RewardPayouts");

            migrationBuilder.DropColumn(
                name: "ApprovedPayoutsFen",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "TypeConfirmedAtUtc",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "StatisticsType",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "FrozenAtUtc",
                table: "Attributions");

            migrationBuilder.AddColumn<long>(
                name: "FundsInPlaceFen",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RealisedAnnualOutputFen",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RealisedAnnualTaxFen",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RealisedJobs",
                table: "Projects",
                type: "INTEGER",
                nullable: true);
        }
    }
}
