using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wave5screens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CancelledById",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescheduleReason",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CancelledById",
                table: "FollowUps",
                column: "CancelledById");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_AspNetUsers_CancelledById",
                table: "FollowUps",
                column: "CancelledById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_AspNetUsers_CancelledById",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_CancelledById",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "CancelledById",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RescheduleReason",
                table: "FollowUps");
        }
    }
}
