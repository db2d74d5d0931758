using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Wave4matching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LandParcelId",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NoCarrierById",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoCarrierReason",
                table: "Milestones",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PremisesId",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_LandParcelId",
                table: "Milestones",
                column: "LandParcelId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_NoCarrierById",
                table: "Milestones",
                column: "NoCarrierById");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PremisesId",
                table: "Milestones",
                column: "PremisesId");

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_AspNetUsers_NoCarrierById",
                table: "Milestones",
                column: "NoCarrierById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_LandParcels_LandParcelId",
                table: "Milestones",
                column: "LandParcelId",
                principalTable: "LandParcels",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Premises_PremisesId",
                table: "Milestones",
                column: "PremisesId",
                principalTable: "Premises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_AspNetUsers_NoCarrierById",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_LandParcels_LandParcelId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Premises_PremisesId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_LandParcelId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_NoCarrierById",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_PremisesId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "LandParcelId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "NoCarrierById",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "NoCarrierReason",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "PremisesId",
                table: "Milestones");
        }
    }
}
