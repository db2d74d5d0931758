using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using static KunshanInvest.Domain.Tests.TestProjects;

namespace KunshanInvest.Domain.Tests;

public sealed class StageGateTests
{
    private static readonly DateTime T1 = T0.AddDays(3);

    private static readonly string[] SigningFields = ["enterpriseId", "sectorId", "parkId", "pledgedInvestment"];

    // ---- 签约 / Signed ----

    [Fact]
    public void Signing_with_enterprise_sector_park_and_pledged_investment_succeeds()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);

        // Act
        var change = project.MoveTo(ProjectStage.Signed, Officer, null, T1);

        // Assert
        Assert.Equal(ProjectStage.Signed, project.Stage);
        Assert.Equal(ProjectStage.Signed, change.To);
    }

    [Fact]
    public void Signing_without_enterprise_is_rejected_naming_the_enterprise()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Place(null, SectorId, ParkId);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(["enterpriseId"], MissingFields(ex));
        Assert.Equal(ProjectStage.Signed, ex.Target);
        Assert.Equal("stage.gate", ex.Code);
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void Signing_without_sector_is_rejected_naming_the_sector()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Place(EnterpriseId, null, ParkId);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(["sectorId"], MissingFields(ex));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void Signing_without_park_is_rejected_naming_the_park()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Place(EnterpriseId, SectorId, null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(["parkId"], MissingFields(ex));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void Signing_without_pledged_investment_is_rejected_naming_the_pledged_investment()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Pledge(null, null, 300, null, null, null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(["pledgedInvestment"], MissingFields(ex));
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void Signing_with_zero_pledged_investment_is_rejected_naming_the_pledged_investment()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Pledge(Money.Cny(0), null, 300, null, null, null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(["pledgedInvestment"], MissingFields(ex));
    }

    [Fact]
    public void Signing_with_a_foreign_currency_pledge_is_accepted()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.Pledge(new Money(50_000_000_00, "USD"), 50_000_000_00, 300, null, null, null);

        // Act
        project.MoveTo(ProjectStage.Signed, Officer, null, T1);

        // Assert
        Assert.Equal(ProjectStage.Signed, project.Stage);
    }

    [Fact]
    public void Signing_with_no_evidence_is_rejected_naming_all_four_fields()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(SigningFields, MissingFields(ex));
        Assert.All(ex.Missing, m => Assert.False(string.IsNullOrWhiteSpace(m.Message)));
        Assert.Contains("enterpriseId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Equal(before, project.StageChanges.Count);
    }

    [Fact]
    public void Even_a_manager_cannot_sign_without_the_evidence()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Manager, "the mayor said so", T1));

        // Assert
        Assert.Equal(SigningFields, MissingFields(ex));
    }

    // ---- 注册 / Registered ----

    [Fact]
    public void Registering_without_the_project_company_credit_code_is_rejected_naming_it()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Signed);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Registered, Officer, null, T1));

        // Assert
        Assert.Equal(["projectCompanyCreditCode"], MissingFields(ex));
        Assert.Equal(ProjectStage.Registered, ex.Target);
        Assert.Equal(ProjectStage.Signed, project.Stage);
    }

    [Fact]
    public void Registering_with_the_project_company_credit_code_succeeds()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Signed);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);

        // Act
        project.MoveTo(ProjectStage.Registered, Officer, null, T1);

        // Assert
        Assert.Equal(ProjectStage.Registered, project.Stage);
    }

    [Fact]
    public void Jumping_from_lead_to_registered_with_no_evidence_names_the_signing_and_registration_gaps()
    {
        // Arrange
        var project = New();

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Registered, Officer, null, T1));

        // Assert
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode"], MissingFields(ex));
        Assert.Equal(ProjectStage.Lead, project.Stage);
    }

    [Fact]
    public void Jumping_from_lead_to_registered_with_only_signing_evidence_names_the_credit_code()
    {
        // Arrange
        var project = WithSigningEvidence();

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Registered, Officer, null, T1));

        // Assert
        Assert.Equal(["projectCompanyCreditCode"], MissingFields(ex));
    }

    [Fact]
    public void Jumping_from_lead_to_registered_with_only_the_credit_code_names_the_signing_gaps()
    {
        // Arrange
        var project = New();
        project.RegisterProjectCompany(ProjectCompanyCreditCode);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Registered, Officer, null, T1));

        // Assert
        Assert.Equal(SigningFields, MissingFields(ex));
    }

    [Fact]
    public void Jumping_from_lead_to_registered_with_both_gates_met_succeeds_as_a_jump()
    {
        // Arrange
        var project = WithSigningEvidence();
        project.RegisterProjectCompany(ProjectCompanyCreditCode);

        // Act
        var change = project.MoveTo(ProjectStage.Registered, Officer, null, T1);

        // Assert
        Assert.Equal(ProjectStage.Registered, project.Stage);
        Assert.True(change.IsJump);
    }

    // ---- 供地 / LandSecured: the land-supply milestone with its 亩, not the pledge ----

    [Fact]
    public void Securing_land_without_the_land_supply_milestone_is_rejected_naming_it_even_with_pledged_land()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu: 80);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.LandSecured, Officer, null, T1, FullFactsWith(MilestoneKind.LandSupplied, null)));

        // Assert
        Assert.Equal(["milestones.landSupplied"], MissingFields(ex));
        Assert.Equal("gate.land_secured.milestone", ex.Missing[0].Code);
        Assert.Equal(ProjectStage.Registered, project.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Securing_land_with_a_milestone_without_a_positive_land_area_is_rejected_naming_the_area(double? landMu)
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        var facts = FullFactsWith(MilestoneKind.LandSupplied, Reached(MilestoneKind.LandSupplied, new(2025, 3, 1), landMu));

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.LandSecured, Officer, null, T1, facts));

        // Assert
        Assert.Equal(["milestones.landSupplied.landMu"], MissingFields(ex));
    }

    [Fact]
    public void A_planned_but_not_reached_land_supply_does_not_open_the_gate()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Registered);
        var facts = FullFactsWith(MilestoneKind.LandSupplied, new MilestoneFact(MilestoneKind.LandSupplied, null, 40, null, null));

        // Act
        var missing = StageGates.Check(project, ProjectStage.LandSecured, facts);

        // Assert
        Assert.Equal(["milestones.landSupplied"], missing.Select(m => m.Field));
    }

    [Fact]
    public void Securing_land_with_the_milestone_and_its_area_succeeds_without_pledged_land()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        var facts = FullFactsWith(MilestoneKind.LandSupplied, Reached(MilestoneKind.LandSupplied, new(2025, 3, 1), 0.5));

        // Act
        project.MoveTo(ProjectStage.LandSecured, Officer, null, T1, facts);

        // Assert
        Assert.Null(project.PledgedLandMu);
        Assert.Equal(ProjectStage.LandSecured, project.Stage);
    }

    [Fact]
    public void Jumping_to_land_secured_with_no_evidence_names_every_gap_up_to_land()
    {
        // Arrange
        var project = New();

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.LandSecured, Officer, null, T1));

        // Assert
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode", "milestones.landSupplied"], MissingFields(ex));
    }

    [Theory]
    [InlineData(ProjectStage.UnderConstruction)]
    [InlineData(ProjectStage.Operating)]
    public void Stages_after_land_do_not_need_land(ProjectStage target)
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);

        // Act
        var missing = StageGates.Check(project, target, FullFactsWith(MilestoneKind.LandSupplied, null));

        // Assert
        Assert.Empty(missing);
    }

    // ---- 开工 / 投产: their milestones, reached ----

    [Theory]
    [InlineData(ProjectStage.LandSecured, ProjectStage.UnderConstruction, MilestoneKind.ConstructionStarted, "milestones.constructionStarted", "gate.under_construction.milestone")]
    [InlineData(ProjectStage.UnderConstruction, ProjectStage.Operating, MilestoneKind.ProductionStarted, "milestones.productionStarted", "gate.operating.milestone")]
    public void Entering_construction_or_operation_without_its_milestone_is_rejected_naming_it(ProjectStage from, ProjectStage to, MilestoneKind kind, string field, string code)
    {
        // Arrange
        var project = WithFullEvidence(from);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(to, Officer, null, T1, FullFactsWith(kind, null)));

        // Assert
        Assert.Equal([field], MissingFields(ex));
        Assert.Equal(code, ex.Missing[0].Code);
        Assert.Equal(from, project.Stage);
    }

    [Theory]
    [InlineData(ProjectStage.LandSecured, ProjectStage.UnderConstruction, MilestoneKind.ConstructionStarted)]
    [InlineData(ProjectStage.UnderConstruction, ProjectStage.Operating, MilestoneKind.ProductionStarted)]
    public void A_milestone_only_planned_is_not_reached(ProjectStage from, ProjectStage to, MilestoneKind kind)
    {
        // Arrange
        var project = WithFullEvidence(from);
        var facts = FullFactsWith(kind, new MilestoneFact(kind, null, null, null, null));

        // Act
        var missing = StageGates.Check(project, to, facts);

        // Assert
        Assert.Single(missing);
    }

    [Fact]
    public void Entering_construction_with_the_milestone_succeeds_and_records_the_stage_change_now()
    {
        // Arrange: the milestone is dated a year before the move; the stage change keeps the moment of the move.
        var project = WithFullEvidence(ProjectStage.LandSecured);

        // Act
        var change = project.MoveTo(ProjectStage.UnderConstruction, Officer, null, T1, FullFacts);

        // Assert
        Assert.Equal(ProjectStage.UnderConstruction, project.Stage);
        Assert.Equal(T1, change.AtUtc);
        Assert.Equal(T1, project.StageEnteredAtUtc);
    }

    [Fact]
    public void Later_stages_keep_the_earlier_milestone_gates()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Registered);

        // Act
        var missing = StageGates.Check(project, ProjectStage.AtCapacity, StageFacts.None);

        // Assert: not 供地 (a lease project skips it), but 开工, 投产, 入库 and 达产.
        Assert.Equal(
            ["milestones.constructionStarted", "milestones.productionStarted", "milestones.enteredStatistics", "milestones.capacityReached"],
            missing.Select(m => m.Field));
    }

    [Fact]
    public void Later_stages_keep_the_signing_and_registration_gates()
    {
        // Arrange
        var project = New(ProjectStage.LandSecured);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.UnderConstruction, Officer, null, T1, FullFacts));

        // Assert
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode"], MissingFields(ex));
    }

    // ---- 上规: 入库 month and verified 主营业务收入 over the 12 months to it at the type's threshold ----

    [Fact]
    public void Above_scale_without_the_statistics_milestone_is_rejected_naming_it()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Operating);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.AboveScale, Officer, null, T1, FullFactsWith(MilestoneKind.EnteredStatistics, null)));

        // Assert
        Assert.Equal(["milestones.enteredStatistics"], MissingFields(ex));
        Assert.Equal("gate.above_scale.milestone", ex.Missing[0].Code);
    }

    [Fact]
    public void Above_scale_with_a_statistics_milestone_without_its_month_is_rejected()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Operating);
        var facts = FullFactsWith(MilestoneKind.EnteredStatistics, Reached(MilestoneKind.EnteredStatistics, new(2025, 12, 1)));

        // Act
        var missing = StageGates.Check(project, ProjectStage.AboveScale, facts);

        // Assert
        Assert.Equal(["milestones.enteredStatistics"], missing.Select(m => m.Field));
    }

    [Theory]
    [InlineData(ProjectStage.Operating, ProjectStage.AboveScale)]
    [InlineData(ProjectStage.AboveScale, ProjectStage.AtCapacity)]
    public void Above_scale_stages_with_verified_revenue_one_fen_short_are_rejected_naming_the_revenue(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(to, Officer, null, T1, FullFacts with { RevenueFen = ThresholdFen - 1 }));

        // Assert
        Assert.Equal(["figures.mainBusinessRevenue"], MissingFields(ex));
        Assert.Equal("gate.above_scale.revenue", ex.Missing[0].Code);
        Assert.Equal(from, project.Stage);
    }

    [Theory]
    [InlineData(ProjectStage.Operating, ProjectStage.AboveScale)]
    [InlineData(ProjectStage.AboveScale, ProjectStage.AtCapacity)]
    public void Above_scale_stages_with_verified_revenue_exactly_at_the_threshold_succeed(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);

        // Act
        project.MoveTo(to, Officer, null, T1, FullFacts with { RevenueFen = ThresholdFen });

        // Assert
        Assert.Equal(to, project.Stage);
    }

    [Theory]
    [InlineData(500_000_000L, 500_000_000L, true)]
    [InlineData(500_000_000L, 499_999_999L, false)]
    [InlineData(null, 9_000_000_000L, false)]
    public void Above_scale_compares_with_the_threshold_of_the_enterprises_type(long? thresholdFen, long revenueFen, bool passes)
    {
        // Arrange: e.g. retail, CNY 5 m; no configured threshold keeps the gate shut.
        var project = WithFullEvidence(ProjectStage.Operating);
        var facts = FullFacts with { AboveScaleThresholdFen = thresholdFen, RevenueFen = revenueFen };

        // Act
        var missing = StageGates.Check(project, ProjectStage.AboveScale, facts);

        // Assert
        Assert.Equal(passes, missing.Count == 0);
    }

    [Fact]
    public void At_capacity_without_its_milestone_is_rejected_naming_it()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.AboveScale);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.AtCapacity, Officer, null, T1, FullFactsWith(MilestoneKind.CapacityReached, null)));

        // Assert
        Assert.Equal(["milestones.capacityReached"], MissingFields(ex));
        Assert.Equal("gate.at_capacity.milestone", ex.Missing[0].Code);
    }

    [Theory]
    [InlineData(PledgedOutputFen - 1, false)]
    [InlineData(PledgedOutputFen, true)]
    [InlineData(PledgedOutputFen * 2, true)]
    public void At_capacity_needs_verified_output_at_the_pledged_annual_output(long outputFen, bool passes)
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.AboveScale);

        // Act
        var missing = StageGates.Check(project, ProjectStage.AtCapacity, FullFacts with { OutputFen = outputFen });

        // Assert
        Assert.Equal(passes ? [] : ["figures.industrialOutput"], missing.Select(m => m.Field));
    }

    [Fact]
    public void At_capacity_without_a_pledged_output_cannot_be_measured_and_is_rejected()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.AboveScale);
        project.Pledge(project.PledgedInvestment, null, null, null, annualOutputFen: null, landMu: 10);

        // Act
        var missing = StageGates.Check(project, ProjectStage.AtCapacity, FullFacts);

        // Assert
        Assert.Equal(["figures.industrialOutput"], missing.Select(m => m.Field));
        Assert.Equal("gate.at_capacity.output", missing[0].Code);
    }

    [Fact]
    public void At_capacity_with_a_managers_override_passes_without_the_output()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.AboveScale);
        var overridden = Reached(MilestoneKind.CapacityReached, new(2026, 2, 1), overrideReason: "产线已按协议建成,市场原因产值未达");
        var facts = FullFactsWith(MilestoneKind.CapacityReached, overridden) with { OutputFen = 0 };

        // Act
        project.MoveTo(ProjectStage.AtCapacity, Officer, null, T1, facts);

        // Assert
        Assert.Equal(ProjectStage.AtCapacity, project.Stage);
    }

    [Fact]
    public void Jumping_from_lead_to_at_capacity_with_no_evidence_names_every_gap_except_land()
    {
        // Arrange
        var project = New();

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.AtCapacity, Officer, null, T1));

        // Assert
        Assert.Equal(
            [.. SigningFields, "projectCompanyCreditCode", "milestones.constructionStarted", "milestones.productionStarted", "milestones.enteredStatistics", "milestones.capacityReached"],
            MissingFields(ex));
    }

    // ---- gates hold whichever way a project arrives ----

    [Fact]
    public void Manager_moving_back_into_signed_without_a_park_is_rejected_naming_the_park()
    {
        // Arrange: registered, but the park has since been cleared.
        var project = WithFullEvidence(ProjectStage.Registered);
        project.Place(EnterpriseId, SectorId, null);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Manager, "registration annulled", T1));

        // Assert
        Assert.Equal(["parkId"], MissingFields(ex));
        Assert.Equal(ProjectStage.Signed, ex.Target);
        Assert.Equal(ProjectStage.Registered, project.Stage);
        Assert.Equal(before, project.StageChanges.Count);
    }

    [Theory]
    [InlineData(ProjectStage.Registered, ProjectStage.Signed, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment" })]
    [InlineData(ProjectStage.Operating, ProjectStage.Registered, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode" })]
    [InlineData(ProjectStage.UnderConstruction, ProjectStage.LandSecured, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode", "milestones.landSupplied" })]
    [InlineData(ProjectStage.AtCapacity, ProjectStage.AboveScale, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode", "milestones.constructionStarted", "milestones.productionStarted", "milestones.enteredStatistics" })]
    public void Manager_moving_back_into_a_gated_stage_without_its_evidence_is_rejected(ProjectStage from, ProjectStage to, string[] expectedMissing)
    {
        // Arrange
        var project = New(from);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(to, Manager, "entered by mistake", T1));

        // Assert
        Assert.Equal(expectedMissing, MissingFields(ex));
        Assert.Equal(from, project.Stage);
    }

    [Theory]
    [InlineData(ProjectStage.Signed, ProjectStage.Negotiating)]
    [InlineData(ProjectStage.AtCapacity, ProjectStage.Lead)]
    public void Manager_moving_back_into_an_ungated_stage_needs_no_evidence(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = New(from);

        // Act
        var change = project.MoveTo(to, Manager, "entered by mistake", T1);

        // Assert
        Assert.Equal(to, project.Stage);
        Assert.True(change.IsBackward);
    }

    [Fact]
    public void On_hold_project_resuming_to_the_held_stage_still_checks_the_gate()
    {
        // Arrange: held at 签约, and the enterprise has since been unlinked.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);
        project.Place(null, SectorId, ParkId);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1.AddDays(1)));

        // Assert
        Assert.Equal(["enterpriseId"], MissingFields(ex));
        Assert.Equal(ProjectStage.OnHold, project.Stage);
        Assert.Equal(ProjectStage.Signed, project.StageBeforeSideState);
    }

    [Fact]
    public void On_hold_project_resuming_back_into_signed_by_a_manager_still_checks_the_gate()
    {
        // Arrange: held at 注册, and the park has since been cleared.
        var project = WithFullEvidence(ProjectStage.Registered);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);
        project.Place(EnterpriseId, SectorId, null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Manager, "registration annulled", T1.AddDays(1)));

        // Assert
        Assert.Equal(["parkId"], MissingFields(ex));
        Assert.Equal(ProjectStage.OnHold, project.Stage);
        Assert.Equal(ProjectStage.Registered, project.StageBeforeSideState);
    }

    [Fact]
    public void Reopening_a_lost_project_to_a_stage_whose_gate_is_unmet_is_rejected()
    {
        // Arrange: lost at 洽谈 with no evidence.
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Manager, "they came back and signed", T1.AddDays(1)));

        // Assert
        Assert.Equal(SigningFields, MissingFields(ex));
        Assert.Equal(ProjectStage.Lost, project.Stage);
        Assert.Equal("went to SIP", project.LostReason);
        Assert.Equal(ProjectStage.Negotiating, project.StageBeforeSideState);
        Assert.Equal(before, project.StageChanges.Count);
    }

    [Fact]
    public void Reopening_a_lost_project_at_its_last_stage_still_checks_the_gate()
    {
        // Arrange: lost at 注册, and the credit code has since been cleared.
        var project = WithFullEvidence(ProjectStage.Registered);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);
        project.RegisterProjectCompany(null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Registered, Manager, "they came back", T1.AddDays(1)));

        // Assert
        Assert.Equal(["projectCompanyCreditCode"], MissingFields(ex));
        Assert.Equal(ProjectStage.Lost, project.Stage);
    }

    // ---- StageGates.Check directly ----

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Contacted)]
    [InlineData(ProjectStage.Negotiating)]
    [InlineData(ProjectStage.OnHold)]
    [InlineData(ProjectStage.Lost)]
    public void Early_stages_and_side_states_need_no_evidence(ProjectStage target)
    {
        // Arrange
        var project = New();

        // Act
        var missing = StageGates.Check(project, target, StageFacts.None);

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void Checking_a_null_project_throws()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentNullException>(() => StageGates.Check(null!, ProjectStage.Signed, StageFacts.None));
        Assert.Throws<ArgumentNullException>(() => StageGates.Check(New(), ProjectStage.Signed, null!));
    }
}
