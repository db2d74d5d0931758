using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wave3Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<DateTime>(
                name: "FrozenAtUtc",
                table: "Attributions",
                type: "TEXT",
                nullable: true);

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
                name: "RewardPayouts");

            migrationBuilder.DropColumn(
                name: "ApprovedPayoutsFen",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "TypeConfirmedAtUtc",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "FrozenAtUtc",
                table: "Attributions");
        }
    }
}
