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

    [Fact]
    public void Later_stages_keep_the_signing_and_registration_gates()
    {
        // Arrange
        var project = New(ProjectStage.LandSecured);
        project.Pledge(null, null, null, null, null, landMu: 80);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.UnderConstruction, Officer, null, T1));

        // Assert
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode"], MissingFields(ex));
    }

    // ---- 供地 / LandSecured ----

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Securing_land_without_a_positive_land_area_is_rejected_naming_the_land(double? landMu)
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.LandSecured, Officer, null, T1));

        // Assert
        Assert.Equal(["pledgedLandMu"], MissingFields(ex));
        Assert.Equal(ProjectStage.Registered, project.Stage);
    }

    [Fact]
    public void Securing_land_with_a_positive_land_area_succeeds()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu: 0.5);

        // Act
        project.MoveTo(ProjectStage.LandSecured, Officer, null, T1);

        // Assert
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
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode", "pledgedLandMu"], MissingFields(ex));
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
        var missing = StageGates.Check(project, target);

        // Assert
        Assert.Empty(missing);
    }

    // ---- 上规 / 达产 ----

    [Fact]
    public void Above_scale_threshold_is_twenty_million_yuan_in_fen()
    {
        // Arrange
        const long twentyMillionYuanInFen = 2_000_000_000L;

        // Act
        var threshold = StageGates.AboveScaleRevenueFen;

        // Assert
        Assert.Equal(twentyMillionYuanInFen, threshold);
        Assert.Equal(Money.CnyWan(2_000m).MinorUnits, threshold);
    }

    [Theory]
    [InlineData(ProjectStage.Operating, ProjectStage.AboveScale)]
    [InlineData(ProjectStage.AboveScale, ProjectStage.AtCapacity)]
    [InlineData(ProjectStage.Operating, ProjectStage.AtCapacity)]
    public void Above_scale_stages_without_realised_revenue_are_rejected_naming_the_revenue(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);
        project.Realise(null, null, null, null);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(to, Officer, null, T1));

        // Assert
        Assert.Equal(["realisedAnnualOutputFen"], MissingFields(ex));
        Assert.Equal(from, project.Stage);
    }

    [Theory]
    [InlineData(ProjectStage.Operating, ProjectStage.AboveScale)]
    [InlineData(ProjectStage.AboveScale, ProjectStage.AtCapacity)]
    public void Above_scale_stages_with_revenue_one_fen_short_are_rejected(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);
        project.Realise(null, null, null, StageGates.AboveScaleRevenueFen - 1);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(to, Officer, null, T1));

        // Assert
        Assert.Equal(["realisedAnnualOutputFen"], MissingFields(ex));
    }

    [Theory]
    [InlineData(ProjectStage.Operating, ProjectStage.AboveScale)]
    [InlineData(ProjectStage.AboveScale, ProjectStage.AtCapacity)]
    public void Above_scale_stages_with_revenue_exactly_at_the_threshold_succeed(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);
        project.Realise(null, null, null, StageGates.AboveScaleRevenueFen);

        // Act
        project.MoveTo(to, Officer, null, T1);

        // Assert
        Assert.Equal(to, project.Stage);
    }

    [Fact]
    public void Jumping_from_lead_to_at_capacity_with_no_evidence_names_every_gap_except_land()
    {
        // Arrange
        var project = New();

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.AtCapacity, Officer, null, T1));

        // Assert
        Assert.Equal([.. SigningFields, "projectCompanyCreditCode", "realisedAnnualOutputFen"], MissingFields(ex));
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
    [InlineData(ProjectStage.UnderConstruction, ProjectStage.LandSecured, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode", "pledgedLandMu" })]
    [InlineData(ProjectStage.AtCapacity, ProjectStage.AboveScale, new[] { "enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode", "realisedAnnualOutputFen" })]
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
        var missing = StageGates.Check(project, target);

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void Checking_a_null_project_throws()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentNullException>(() => StageGates.Check(null!, ProjectStage.Signed));
    }
}
