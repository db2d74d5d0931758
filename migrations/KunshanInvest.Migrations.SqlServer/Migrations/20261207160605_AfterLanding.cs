using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KunshanInvest.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AfterLanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LandParcelId",
                table: "Milestones",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NoCarrierById",
                table: "Milestones",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoCarrierReason",
                table: "Milestones",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PremisesId",
                table: "Milestones",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceOfficerId",
                table: "Enterprises",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CarrierEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CarrierKind = table.Column<int>(type: "int", nullable: false),
                    CarrierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarrierEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarrierEvents_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarrierEvents_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeadUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departments_AspNetUsers_HeadUserId",
                        column: x => x.HeadUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LandParcels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ParkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaMu = table.Column<double>(type: "float", nullable: false),
                    Use = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    GuidePriceFenPerMu = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReservedForProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReservedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SuppliedToProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandParcels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandParcels_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LandParcels_Projects_ReservedForProjectId",
                        column: x => x.ReservedForProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LandParcels_Projects_SuppliedToProjectId",
                        column: x => x.SuppliedToProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Premises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Building = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AreaM2 = table.Column<double>(type: "float", nullable: false),
                    VacantM2 = table.Column<double>(type: "float", nullable: false),
                    FloorLoadKnPerM2 = table.Column<double>(type: "float", nullable: true),
                    Floors = table.Column<int>(type: "int", nullable: false),
                    RentFenPerM2Month = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReservedForProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReservedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OccupiedByProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Premises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Premises_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Premises_Projects_OccupiedByProjectId",
                        column: x => x.OccupiedByProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Premises_Projects_ReservedForProjectId",
                        column: x => x.ReservedForProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "ServiceCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DeadlineDays = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
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

            migrationBuilder.CreateTable(
                name: "ServiceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ServiceOfficerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reply = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    VisitedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Satisfaction = table.Column<int>(type: "int", nullable: true),
                    VisitComment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    DeadlineRemindedDepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DeadlineRemindedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EscalatedDepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    VisitRemindedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_AspNetUsers_ServiceOfficerId",
                        column: x => x.ServiceOfficerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_ServiceCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ServiceCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequestAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequestAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequestAttachments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequestAttachments_ServiceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequestSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FromDepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ToDepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequestSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequestSteps_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequestSteps_ServiceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_ServiceOfficerId",
                table: "Enterprises",
                column: "ServiceOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_CarrierEvents_ByUserId",
                table: "CarrierEvents",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CarrierEvents_CarrierKind_CarrierId_AtUtc",
                table: "CarrierEvents",
                columns: new[] { "CarrierKind", "CarrierId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CarrierEvents_ProjectId",
                table: "CarrierEvents",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMembers_DepartmentId",
                table: "DepartmentMembers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMembers_UserId_DepartmentId",
                table: "DepartmentMembers",
                columns: new[] { "UserId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_HeadUserId",
                table: "Departments",
                column: "HeadUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LandParcels_Code",
                table: "LandParcels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LandParcels_ParkId",
                table: "LandParcels",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_LandParcels_ReservedForProjectId",
                table: "LandParcels",
                column: "ReservedForProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_LandParcels_Status_Use_ParkId_AreaMu",
                table: "LandParcels",
                columns: new[] { "Status", "Use", "ParkId", "AreaMu" });

            migrationBuilder.CreateIndex(
                name: "IX_LandParcels_SuppliedToProjectId",
                table: "LandParcels",
                column: "SuppliedToProjectId");

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
                name: "IX_Premises_OccupiedByProjectId",
                table: "Premises",
                column: "OccupiedByProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Premises_ParkId",
                table: "Premises",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_Premises_ReservedForProjectId",
                table: "Premises",
                column: "ReservedForProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Premises_Status_Kind_ParkId_VacantM2",
                table: "Premises",
                columns: new[] { "Status", "Kind", "ParkId", "VacantM2" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_Code",
                table: "ServiceCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestAttachments_RequestId",
                table: "ServiceRequestAttachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestAttachments_UploadedById",
                table: "ServiceRequestAttachments",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_CategoryId",
                table: "ServiceRequests",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_CreatedById",
                table: "ServiceRequests",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_DepartmentId_Status_DueAtUtc",
                table: "ServiceRequests",
                columns: new[] { "DepartmentId", "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_EnterpriseId_AcceptedAtUtc",
                table: "ServiceRequests",
                columns: new[] { "EnterpriseId", "AcceptedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_ServiceOfficerId",
                table: "ServiceRequests",
                column: "ServiceOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Status_DueAtUtc",
                table: "ServiceRequests",
                columns: new[] { "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestSteps_ByUserId",
                table: "ServiceRequestSteps",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestSteps_RequestId_AtUtc",
                table: "ServiceRequestSteps",
                columns: new[] { "RequestId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Enterprises_AspNetUsers_ServiceOfficerId",
                table: "Enterprises",
                column: "ServiceOfficerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

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
                name: "FK_Enterprises_AspNetUsers_ServiceOfficerId",
                table: "Enterprises");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_AspNetUsers_NoCarrierById",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_LandParcels_LandParcelId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Premises_PremisesId",
                table: "Milestones");

            migrationBuilder.DropTable(
                name: "CarrierEvents");

            migrationBuilder.DropTable(
                name: "DepartmentMembers");

            migrationBuilder.DropTable(
                name: "LandParcels");

            migrationBuilder.DropTable(
                name: "NamedReviewers");

            migrationBuilder.DropTable(
                name: "Premises");

            migrationBuilder.DropTable(
                name: "ReviewOpinions");

            migrationBuilder.DropTable(
                name: "ServiceRequestAttachments");

            migrationBuilder.DropTable(
                name: "ServiceRequestSteps");

            migrationBuilder.DropTable(
                name: "ProjectReviews");

            migrationBuilder.DropTable(
                name: "ServiceRequests");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "ServiceCategories");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_LandParcelId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_NoCarrierById",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_PremisesId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_ServiceOfficerId",
                table: "Enterprises");

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

            migrationBuilder.DropColumn(
                name: "ServiceOfficerId",
                table: "Enterprises");
        }
    }
}
