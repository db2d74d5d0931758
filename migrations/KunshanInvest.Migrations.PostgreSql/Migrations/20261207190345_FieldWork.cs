using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FieldWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "FollowUps",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CancelledById",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "FollowUps",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescheduleReason",
                table: "FollowUps",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WebhookUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SectorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SectorSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseToken = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationChannels_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectReassignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromOwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToOwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    FollowUpsMoved = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectReassignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectReassignments_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectReassignments_AspNetUsers_FromOwnerId",
                        column: x => x.FromOwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectReassignments_AspNetUsers_ToOwnerId",
                        column: x => x.ToOwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectReassignments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKind = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffAttachments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChannelMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BodyCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ArgsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MentionMobile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MentionUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttemptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelMessages_NotificationChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "NotificationChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChannelMessages_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserNotificationSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmailEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ImUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WeComChannelId = table.Column<Guid>(type: "uuid", nullable: true),
                    DingTalkChannelId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChannelsSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserNotificationSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserNotificationSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UserNotificationSettings_NotificationChannels_DingTalkChann~",
                        column: x => x.DingTalkChannelId,
                        principalTable: "NotificationChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UserNotificationSettings_NotificationChannels_WeComChannelId",
                        column: x => x.WeComChannelId,
                        principalTable: "NotificationChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CancelledById",
                table: "FollowUps",
                column: "CancelledById");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMessages_ChannelId_Kind_SubjectId_Period",
                table: "ChannelMessages",
                columns: new[] { "ChannelId", "Kind", "SubjectId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMessages_ChannelId_SentAtUtc_NextAttemptAtUtc",
                table: "ChannelMessages",
                columns: new[] { "ChannelId", "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMessages_NotificationId",
                table: "ChannelMessages",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationChannels_SectorId",
                table: "NotificationChannels",
                column: "SectorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReassignments_ByUserId",
                table: "ProjectReassignments",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReassignments_FromOwnerId",
                table: "ProjectReassignments",
                column: "FromOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReassignments_ProjectId_AtUtc",
                table: "ProjectReassignments",
                columns: new[] { "ProjectId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReassignments_ToOwnerId",
                table: "ProjectReassignments",
                column: "ToOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAttachments_OwnerKind_OwnerId_UploadedAtUtc",
                table: "StaffAttachments",
                columns: new[] { "OwnerKind", "OwnerId", "UploadedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAttachments_UploadedById",
                table: "StaffAttachments",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_UserNotificationSettings_DingTalkChannelId",
                table: "UserNotificationSettings",
                column: "DingTalkChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_UserNotificationSettings_UserId",
                table: "UserNotificationSettings",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserNotificationSettings_WeComChannelId",
                table: "UserNotificationSettings",
                column: "WeComChannelId");

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

            migrationBuilder.DropTable(
                name: "ChannelMessages");

            migrationBuilder.DropTable(
                name: "ProjectReassignments");

            migrationBuilder.DropTable(
                name: "StaffAttachments");

            migrationBuilder.DropTable(
                name: "UserNotificationSettings");

            migrationBuilder.DropTable(
                name: "NotificationChannels");

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
