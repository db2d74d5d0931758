using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Wave4review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NamedReviewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NamedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NamedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NamedReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NamedReviewers_AspNetUsers_NamedById",
                        column: x => x.NamedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NamedReviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Use = table.Column<int>(type: "int", nullable: false),
                    LandMu = table.Column<double>(type: "float", nullable: false),
                    TotalInvestmentFen = table.Column<long>(type: "bigint", nullable: false),
                    AnnualTaxFen = table.Column<long>(type: "bigint", nullable: false),
                    AnnualEnergyTce = table.Column<double>(type: "float", nullable: false),
                    Environmental = table.Column<int>(type: "int", nullable: false),
                    Jobs = table.Column<int>(type: "int", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ThresholdYear = table.Column<int>(type: "int", nullable: false),
                    MinInvestmentFenPerMu = table.Column<long>(type: "bigint", nullable: true),
                    MinTaxFenPerMu = table.Column<long>(type: "bigint", nullable: true),
                    MinTotalInvestmentFen = table.Column<long>(type: "bigint", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastOpinionAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: true),
                    DecisionText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectReviews_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectReviews_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectReviews_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewOpinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Veto = table.Column<int>(type: "int", nullable: true),
                    PolicyFitScore = table.Column<int>(type: "int", nullable: true),
                    InvestorScore = table.Column<int>(type: "int", nullable: true),
                    IntensityScore = table.Column<int>(type: "int", nullable: true),
                    TaxScore = table.Column<int>(type: "int", nullable: true),
                    SiteScore = table.Column<int>(type: "int", nullable: true),
                    EnvironmentScore = table.Column<int>(type: "int", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewOpinions_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewOpinions_ProjectReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ProjectReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NamedReviewers_NamedById",
                table: "NamedReviewers",
                column: "NamedById");

            migrationBuilder.CreateIndex(
                name: "IX_NamedReviewers_UserId",
                table: "NamedReviewers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_DecidedById",
                table: "ProjectReviews",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_ProjectId_Round",
                table: "ProjectReviews",
                columns: new[] { "ProjectId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_Status_DecidedAtUtc_SubmittedAtUtc",
                table: "ProjectReviews",
                columns: new[] { "Status", "DecidedAtUtc", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_SubmittedById",
                table: "ProjectReviews",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_ReviewerId",
                table: "ReviewOpinions",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOpinions_ReviewId_ReviewerId",
                table: "ReviewOpinions",
                columns: new[] { "ReviewId", "ReviewerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NamedReviewers");

            migrationBuilder.DropTable(
                name: "ReviewOpinions");

            migrationBuilder.DropTable(
                name: "ProjectReviews");
        }
    }
}
