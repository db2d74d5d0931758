using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wave4servicejobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineRemindedAtUtc",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeadlineRemindedDepartmentId",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAtUtc",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalatedDepartmentId",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VisitRemindedAtUtc",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeadlineRemindedAtUtc",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "DeadlineRemindedDepartmentId",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "EscalatedAtUtc",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "EscalatedDepartmentId",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "VisitRemindedAtUtc",
                table: "ServiceRequests");
        }
    }
}
