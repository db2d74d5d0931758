using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using static KunshanInvest.Domain.Tests.TestProjects;

namespace KunshanInvest.Domain.Tests;

public sealed class StageMachineTests
{
    private static readonly DateTime T1 = T0.AddDays(3);
    private static readonly DateTime T2 = T0.AddDays(10);

    public static TheoryData<ProjectStage, ProjectStage> NextSteps()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        for (var i = 0; i + 1 < ProjectStages.Pipeline.Count; i++)
        {
            data.Add(ProjectStages.Pipeline[i], ProjectStages.Pipeline[i + 1]);
        }

        return data;
    }

    public static TheoryData<ProjectStage, ProjectStage> ForwardJumps()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        for (var i = 0; i < ProjectStages.Pipeline.Count; i++)
        {
            for (var j = i + 2; j < ProjectStages.Pipeline.Count; j++)
            {
                data.Add(ProjectStages.Pipeline[i], ProjectStages.Pipeline[j]);
            }
        }

        return data;
    }

    public static TheoryData<ProjectStage, ProjectStage> BackwardMoves()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        for (var i = 1; i < ProjectStages.Pipeline.Count; i++)
        {
            data.Add(ProjectStages.Pipeline[i], ProjectStages.Pipeline[i - 1]);
        }

        data.Add(ProjectStage.AtCapacity, ProjectStage.Lead);
        data.Add(ProjectStage.Operating, ProjectStage.Contacted);
        return data;
    }

    public static TheoryData<ProjectStage> PipelineStages() => [.. ProjectStages.Pipeline];

    public static TheoryData<ProjectStage> AllStages() => [.. ProjectStages.Pipeline, ProjectStage.OnHold, ProjectStage.Lost];

    // ---- a new project ----

    [Fact]
    public void New_project_starts_at_lead_with_one_initial_stage_change()
    {
        // Arrange / Act
        var project = New();

        // Assert
        Assert.Equal(ProjectStage.Lead, project.Stage);
        var change = Assert.Single(project.StageChanges);
        Assert.Null(change.From);
        Assert.Equal(ProjectStage.Lead, change.To);
        Assert.Equal(T0, change.AtUtc);
        Assert.Equal(OwnerId, change.ByUserId);
        Assert.Equal(project.Id, change.ProjectId);
        Assert.Null(change.Note);
        Assert.False(change.IsJump);
        Assert.False(change.IsBackward);
        Assert.Equal(T0, project.StageEnteredAtUtc);
        Assert.Equal(T0, project.LastActivityAtUtc);
        Assert.Equal(T0, project.CreatedAtUtc);
        Assert.Null(project.StageBeforeSideState);
        Assert.Null(project.LostReason);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Test_builder_walks_a_project_from_lead_to_the_stage_and_leaves_no_evidence(ProjectStage stage)
    {
        // Arrange / Act
        var project = New(stage);

        // Assert: every project starts at 线索, and the builder hands back no evidence.
        Assert.Equal(stage, project.Stage);
        Assert.Null(project.StageChanges[0].From);
        Assert.Equal(ProjectStage.Lead, project.StageChanges[0].To);
        Assert.Equal(stage, project.StageChanges[^1].To);
        Assert.Equal(
            ["enterpriseId", "sectorId", "parkId", "pledgedInvestment", "projectCompanyCreditCode",
                "milestones.constructionStarted", "milestones.productionStarted", "milestones.enteredStatistics", "milestones.capacityReached"],
            StageGates.Check(project, ProjectStage.AtCapacity, StageFacts.None).Select(m => m.Field));
        Assert.Null(project.PledgedLandMu);
    }

    [Fact]
    public void Pipeline_lists_the_ten_stages_in_order()
    {
        // Arrange
        ProjectStage[] expected =
        [
            ProjectStage.Lead, ProjectStage.Contacted, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Registered,
            ProjectStage.LandSecured, ProjectStage.UnderConstruction, ProjectStage.Operating, ProjectStage.AboveScale, ProjectStage.AtCapacity,
        ];

        // Act
        var pipeline = ProjectStages.Pipeline;

        // Assert
        Assert.Equal(expected, pipeline);
        Assert.All(pipeline, stage => Assert.True(stage.IsPipeline()));
        Assert.All(pipeline, stage => Assert.False(stage.IsSideState()));
        Assert.True(ProjectStage.OnHold.IsSideState());
        Assert.True(ProjectStage.Lost.IsSideState());
    }

    // ---- forward moves ----

    [Theory]
    [MemberData(nameof(NextSteps))]
    public void Forward_step_with_full_evidence_succeeds_and_records_the_change(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);
        var before = project.StageChanges.Count;

        // Act
        var change = project.MoveTo(to, Officer, null, T1, FullFacts);

        // Assert
        Assert.Equal(to, project.Stage);
        Assert.Equal(from, change.From);
        Assert.Equal(to, change.To);
        Assert.Equal(T1, change.AtUtc);
        Assert.Equal(Officer.UserId, change.ByUserId);
        Assert.Equal(project.Id, change.ProjectId);
        Assert.Null(change.Note);
        Assert.False(change.IsJump);
        Assert.False(change.IsBackward);
        Assert.Equal(before + 1, project.StageChanges.Count);
        Assert.Same(change, project.StageChanges[^1]);
    }

    [Fact]
    public void Walking_the_whole_pipeline_one_step_at_a_time_records_every_step()
    {
        // Arrange
        var project = WithFullEvidence();
        var at = T0;

        // Act
        foreach (var stage in ProjectStages.Pipeline.Skip(1))
        {
            at = at.AddDays(7);
            project.MoveTo(stage, Officer, null, at, FullFacts);
        }

        // Assert
        Assert.Equal(ProjectStage.AtCapacity, project.Stage);
        Assert.Equal(ProjectStages.Pipeline, project.StageChanges.Select(c => c.To));
        Assert.Equal(ProjectStages.Pipeline.SkipLast(1).Cast<ProjectStage?>(), project.StageChanges.Skip(1).Select(c => c.From));
        Assert.All(project.StageChanges, c => Assert.False(c.IsJump));
        Assert.All(project.StageChanges, c => Assert.False(c.IsBackward));
        Assert.Equal(at, project.StageEnteredAtUtc);
    }

    [Theory]
    [MemberData(nameof(ForwardJumps))]
    public void Forward_jump_with_full_evidence_succeeds_and_is_marked_as_a_jump(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);

        // Act
        var change = project.MoveTo(to, Officer, null, T1, FullFacts);

        // Assert
        Assert.Equal(to, project.Stage);
        Assert.Equal(from, change.From);
        Assert.Equal(to, change.To);
        Assert.True(change.IsJump);
        Assert.False(change.IsBackward);
    }

    [Fact]
    public void Lead_to_negotiating_needs_no_evidence_and_is_a_jump()
    {
        // Arrange
        var project = New();

        // Act
        var change = project.MoveTo(ProjectStage.Negotiating, Officer, null, T1);

        // Assert
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.True(change.IsJump);
        Assert.False(change.IsBackward);
    }

    [Fact]
    public void Lease_project_jumps_from_registered_to_under_construction_without_land()
    {
        // Arrange: signed and registered, but leasing a standard factory, so no land pledged.
        var project = WithSigningEvidence(ProjectStage.Registered);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);

        // Act
        var change = project.MoveTo(ProjectStage.UnderConstruction, Officer, null, T1, FullFactsWith(MilestoneKind.LandSupplied, null));

        // Assert
        Assert.Null(project.PledgedLandMu);
        Assert.Equal(ProjectStage.UnderConstruction, project.Stage);
        Assert.Equal(ProjectStage.Registered, change.From);
        Assert.True(change.IsJump);
        Assert.False(change.IsBackward);
    }

    [Fact]
    public void Forward_move_keeps_a_trimmed_note()
    {
        // Arrange
        var project = New();

        // Act
        var change = project.MoveTo(ProjectStage.Contacted, Officer, "  首次拜访 / first visit  ", T1);

        // Assert
        Assert.Equal("首次拜访 / first visit", change.Note);
    }

    [Fact]
    public void Moving_updates_stage_entered_and_last_activity_times()
    {
        // Arrange
        var project = New();

        // Act
        project.MoveTo(ProjectStage.Contacted, Officer, null, T1);

        // Assert
        Assert.Equal(T1, project.StageEnteredAtUtc);
        Assert.Equal(T1, project.LastActivityAtUtc);
        Assert.Equal(T0, project.CreatedAtUtc);
    }

    [Fact]
    public void Moving_never_moves_last_activity_back_in_time()
    {
        // Arrange
        var project = New();
        project.Touch(T2);

        // Act
        project.MoveTo(ProjectStage.Contacted, Officer, null, T1);

        // Assert
        Assert.Equal(T1, project.StageEnteredAtUtc);
        Assert.Equal(T2, project.LastActivityAtUtc);
    }

    // ---- rejected moves leave the project alone ----

    [Theory]
    [MemberData(nameof(PipelineStages))]
    public void Moving_to_the_same_pipeline_stage_is_rejected(ProjectStage stage)
    {
        // Arrange
        var project = WithFullEvidence(stage);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(stage, Manager, "again", T1));

        // Assert
        Assert.Equal("stage.same", ex.Code);
        Assert.Equal(before, project.StageChanges.Count);
        Assert.Equal(T0, project.StageEnteredAtUtc);
    }

    [Theory]
    [InlineData(ProjectStage.OnHold)]
    [InlineData(ProjectStage.Lost)]
    public void Moving_to_the_same_side_state_is_rejected(ProjectStage stage)
    {
        // Arrange
        var project = New();
        project.MoveTo(stage, Officer, "首次", T1);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(stage, Manager, "again", T2));

        // Assert
        Assert.Equal("stage.same", ex.Code);
        Assert.Equal(stage, project.Stage);
        Assert.Equal(before, project.StageChanges.Count);
        Assert.Equal(T1, project.StageEnteredAtUtc);
    }

    [Fact]
    public void Moving_to_an_undefined_stage_is_rejected()
    {
        // Arrange
        var project = New();

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo((ProjectStage)42, Manager, "?", T1));

        // Assert
        Assert.Equal("stage.unknown", ex.Code);
        Assert.Equal(ProjectStage.Lead, project.Stage);
    }

    [Fact]
    public void Failed_gate_leaves_stage_times_and_history_untouched()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        var before = project.StageChanges.Count;

        // Act
        Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Officer, null, T1));

        // Assert
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Equal(T0, project.StageEnteredAtUtc);
        Assert.Equal(T0, project.LastActivityAtUtc);
        Assert.Equal(before, project.StageChanges.Count);
    }

    // ---- backward moves ----

    [Theory]
    [MemberData(nameof(BackwardMoves))]
    public void Moving_back_by_an_officer_is_forbidden(ProjectStage from, ProjectStage to)
    {
        // Arrange
        var project = WithFullEvidence(from);
        var before = project.StageChanges.Count;

        // Act
        var ex = Assert.Throws<DomainForbiddenException>(() => project.MoveTo(to, Officer, "录入错误 / entered by mistake", T1));

        // Assert
        Assert.Equal("stage.backward", ex.Code);
        Assert.Equal(from, project.Stage);
        Assert.Equal(before, project.StageChanges.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Moving_back_by_a_manager_without_a_reason_is_rejected(string? reason)
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Signed);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.Negotiating, Manager, reason, T1));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.Signed, project.Stage);
    }

    [Theory]
    [MemberData(nameof(BackwardMoves))]
    public void Moving_back_by_a_manager_with_a_reason_succeeds_and_is_marked_backward(ProjectStage from, ProjectStage to)
    {
        // Arrange: the target stage's gate applies to a backward move too, so the project carries every gate's evidence.
        var project = WithFullEvidence(from);
        var before = project.StageChanges.Count;

        // Act
        var change = project.MoveTo(to, Manager, " 协议未生效 / agreement not in force ", T1, FullFacts);

        // Assert
        Assert.Equal(to, project.Stage);
        Assert.Equal(from, change.From);
        Assert.Equal(to, change.To);
        Assert.True(change.IsBackward);
        Assert.False(change.IsJump);
        Assert.Equal(Manager.UserId, change.ByUserId);
        Assert.Equal("协议未生效 / agreement not in force", change.Note);
        Assert.Equal(T1, project.StageEnteredAtUtc);
        Assert.Equal(before + 1, project.StageChanges.Count);
        Assert.Same(change, project.StageChanges[^1]);
    }

    // ---- 搁置 / on hold ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Putting_on_hold_without_a_reason_is_rejected(string? reason)
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.OnHold, Manager, reason, T1));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
    }

    [Fact]
    public void Putting_on_hold_with_a_reason_remembers_the_held_stage()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);

        // Act
        var change = project.MoveTo(ProjectStage.OnHold, Officer, "客户预算冻结 / budget frozen", T1);

        // Assert
        Assert.Equal(ProjectStage.OnHold, project.Stage);
        Assert.Equal(ProjectStage.Negotiating, project.StageBeforeSideState);
        Assert.Null(project.LostReason);
        Assert.Equal(ProjectStage.Negotiating, change.From);
        Assert.Equal(ProjectStage.OnHold, change.To);
        Assert.Equal("客户预算冻结 / budget frozen", change.Note);
        Assert.False(change.IsJump);
        Assert.False(change.IsBackward);
        Assert.Equal(T1, project.StageEnteredAtUtc);
    }

    [Fact]
    public void On_hold_project_resumes_to_the_held_stage_by_an_officer()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Negotiating, Officer, null, T2);

        // Assert
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Null(project.StageBeforeSideState);
        Assert.Equal(ProjectStage.OnHold, change.From);
        Assert.False(change.IsBackward);
        Assert.False(change.IsJump);
        Assert.Equal(T2, project.StageEnteredAtUtc);
    }

    [Fact]
    public void On_hold_project_resumes_forward_by_an_officer_when_the_gate_is_met()
    {
        // Arrange
        var project = WithSigningEvidence(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Signed, Officer, null, T2);

        // Assert
        Assert.Equal(ProjectStage.Signed, project.Stage);
        Assert.Equal(ProjectStage.OnHold, change.From);
        Assert.False(change.IsBackward);
        Assert.False(change.IsJump);
    }

    [Fact]
    public void On_hold_project_resuming_forward_still_checks_the_gate()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var ex = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, Manager, "resume", T2));

        // Assert
        Assert.Equal(["enterpriseId", "sectorId", "parkId", "pledgedInvestment"], MissingFields(ex));
        Assert.Equal(ProjectStage.OnHold, project.Stage);
        Assert.Equal(ProjectStage.Negotiating, project.StageBeforeSideState);
    }

    [Fact]
    public void On_hold_project_resuming_to_an_earlier_stage_is_forbidden_to_an_officer()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var ex = Assert.Throws<DomainForbiddenException>(() => project.MoveTo(ProjectStage.Contacted, Officer, "start over", T2));

        // Assert
        Assert.Equal("stage.backward", ex.Code);
        Assert.Equal(ProjectStage.OnHold, project.Stage);
    }

    [Fact]
    public void On_hold_project_resuming_to_an_earlier_stage_by_a_manager_needs_a_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.Contacted, Manager, " ", T2));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.OnHold, project.Stage);
    }

    [Fact]
    public void On_hold_project_resumes_to_an_earlier_stage_by_a_manager_with_a_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Contacted, Manager, "new contact person", T2);

        // Assert
        Assert.Equal(ProjectStage.Contacted, project.Stage);
        Assert.Null(project.StageBeforeSideState);
        Assert.True(change.IsBackward);
        Assert.False(change.IsJump);
        Assert.Equal("new contact person", change.Note);
    }

    [Fact]
    public void On_hold_project_resuming_past_the_next_stage_is_a_jump_measured_from_the_held_stage()
    {
        // Arrange: held at 洽谈, with the evidence 签约 and 注册 need.
        var project = WithFullEvidence(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Registered, Officer, null, T2);

        // Assert
        Assert.Equal(ProjectStage.Registered, project.Stage);
        Assert.Equal(ProjectStage.OnHold, change.From);
        Assert.True(change.IsJump);
        Assert.False(change.IsBackward);
        Assert.Null(project.StageBeforeSideState);
    }

    [Fact]
    public void On_hold_project_resuming_to_the_next_stage_is_neither_a_jump_nor_backward()
    {
        // Arrange: held at 签约.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Registered, Officer, null, T2);

        // Assert
        Assert.False(change.IsJump);
        Assert.False(change.IsBackward);
    }

    [Fact]
    public void Putting_on_hold_from_lead_remembers_lead()
    {
        // Arrange
        var project = New();

        // Act
        project.MoveTo(ProjectStage.OnHold, Officer, "no answer", T1);

        // Assert
        Assert.Equal(ProjectStage.Lead, project.StageBeforeSideState);
    }

    // ---- 流失 / lost ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Marking_lost_without_a_reason_is_rejected(string? reason)
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.Lost, Manager, reason, T1));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Null(project.LostReason);
    }

    [Fact]
    public void Marking_lost_with_a_reason_sets_the_lost_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);

        // Act
        var change = project.MoveTo(ProjectStage.Lost, Officer, "  落户苏州工业园区 / went to SIP  ", T1);

        // Assert
        Assert.Equal(ProjectStage.Lost, project.Stage);
        Assert.Equal("落户苏州工业园区 / went to SIP", project.LostReason);
        Assert.Equal("落户苏州工业园区 / went to SIP", change.Note);
        Assert.Equal(ProjectStage.Negotiating, project.StageBeforeSideState);
        Assert.Equal(ProjectStage.Negotiating, change.From);
        Assert.False(change.IsJump);
        Assert.False(change.IsBackward);
        Assert.Equal(T1, project.StageEnteredAtUtc);
    }

    [Fact]
    public void On_hold_project_can_be_marked_lost_with_a_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Lost, Officer, "project cancelled", T2);

        // Assert
        Assert.Equal(ProjectStage.Lost, project.Stage);
        Assert.Equal(ProjectStage.OnHold, change.From);
        Assert.Equal("project cancelled", project.LostReason);
        Assert.Equal(ProjectStage.Negotiating, project.StageBeforeSideState);
    }

    [Fact]
    public void Lost_project_cannot_be_put_on_hold()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.OnHold, Manager, "maybe later", T2));

        // Assert
        Assert.Equal("stage.lost", ex.Code);
        Assert.Equal(ProjectStage.Lost, project.Stage);
        Assert.Equal("went to SIP", project.LostReason);
    }

    [Theory]
    [MemberData(nameof(PipelineStages))]
    public void Reopening_a_lost_project_is_forbidden_to_an_officer(ProjectStage target)
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var ex = Assert.Throws<DomainForbiddenException>(() => project.MoveTo(target, Officer, "they came back", T2));

        // Assert
        Assert.Equal("stage.backward", ex.Code);
        Assert.Equal(ProjectStage.Lost, project.Stage);
    }

    [Fact]
    public void Reopening_a_lost_project_by_a_manager_needs_a_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.Negotiating, Manager, null, T2));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.Lost, project.Stage);
    }

    [Fact]
    public void Reopening_a_lost_project_by_a_manager_with_a_reason_clears_the_lost_reason()
    {
        // Arrange
        var project = New(ProjectStage.Negotiating);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Negotiating, Manager, "they came back", T2);

        // Assert
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.Null(project.LostReason);
        Assert.Null(project.StageBeforeSideState);
        Assert.Equal(ProjectStage.Lost, change.From);
        Assert.Equal(ProjectStage.Negotiating, change.To);
        Assert.False(change.IsBackward);
        Assert.False(change.IsJump);
        Assert.Equal("they came back", change.Note);
        Assert.Equal(Manager.UserId, change.ByUserId);
        Assert.Equal(T2, project.StageEnteredAtUtc);
        Assert.Equal(T2, project.LastActivityAtUtc);
    }

    [Fact]
    public void Marking_a_signed_project_lost_remembers_the_signed_stage()
    {
        // Arrange
        var project = WithFullEvidence(ProjectStage.Signed);

        // Act
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Assert
        Assert.Equal(ProjectStage.Signed, project.StageBeforeSideState);
    }

    [Fact]
    public void Reopening_a_lost_project_beyond_its_last_stage_is_a_forward_jump()
    {
        // Arrange: lost at 签约.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Operating, Manager, "they built it after all", T2, FullFacts);

        // Assert
        Assert.Equal(ProjectStage.Operating, project.Stage);
        Assert.Equal(ProjectStage.Lost, change.From);
        Assert.False(change.IsBackward);
        Assert.True(change.IsJump);
        Assert.Null(project.StageBeforeSideState);
        Assert.Null(project.LostReason);
    }

    [Fact]
    public void Reopening_a_lost_project_before_its_last_stage_is_backward()
    {
        // Arrange: lost at 签约.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Negotiating, Manager, "renegotiating", T2);

        // Assert
        Assert.Equal(ProjectStage.Negotiating, project.Stage);
        Assert.True(change.IsBackward);
        Assert.False(change.IsJump);
    }

    [Fact]
    public void Reopening_a_lost_project_at_the_next_stage_is_neither_a_jump_nor_backward()
    {
        // Arrange: lost at 签约.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var change = project.MoveTo(ProjectStage.Registered, Manager, "company registered after all", T2);

        // Assert
        Assert.False(change.IsBackward);
        Assert.False(change.IsJump);
    }

    [Fact]
    public void Reopening_a_lost_project_forward_is_forbidden_to_an_officer()
    {
        // Arrange: lost at 签约; 注册 is forward and its gate is met.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var ex = Assert.Throws<DomainForbiddenException>(() => project.MoveTo(ProjectStage.Registered, Officer, "company registered after all", T2));

        // Assert
        Assert.Equal("stage.backward", ex.Code);
        Assert.Equal(ProjectStage.Lost, project.Stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Reopening_a_lost_project_forward_by_a_manager_needs_a_reason(string? reason)
    {
        // Arrange: lost at 签约; 注册 is forward and its gate is met.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.MoveTo(ProjectStage.Registered, Manager, reason, T2));

        // Assert
        Assert.Equal("stage.reason", ex.Code);
        Assert.Equal(ProjectStage.Lost, project.Stage);
        Assert.Equal("went to SIP", project.LostReason);
    }

    [Fact]
    public void Project_lost_while_on_hold_is_reopened_relative_to_the_stage_it_was_held_at()
    {
        // Arrange: 签约 → 搁置 → 流失.
        var project = WithFullEvidence(ProjectStage.Signed);
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1);
        project.MoveTo(ProjectStage.Lost, Officer, "project cancelled", T1.AddDays(1));

        // Act
        var change = project.MoveTo(ProjectStage.Negotiating, Manager, "renegotiating", T2);

        // Assert
        Assert.Equal(ProjectStage.Lost, change.From);
        Assert.True(change.IsBackward);
        Assert.False(change.IsJump);
        Assert.Null(project.StageBeforeSideState);
    }

    [Fact]
    public void Moving_on_after_a_hold_clears_the_held_stage_and_lost_reason()
    {
        // Arrange
        var project = New(ProjectStage.Contacted);
        var before = project.StageChanges.Count;
        project.MoveTo(ProjectStage.Lost, Officer, "went to SIP", T1);
        project.MoveTo(ProjectStage.Contacted, Manager, "they came back", T1.AddDays(1));
        project.MoveTo(ProjectStage.OnHold, Officer, "budget frozen", T1.AddDays(2));

        // Act
        project.MoveTo(ProjectStage.Contacted, Officer, null, T2);

        // Assert
        Assert.Equal(ProjectStage.Contacted, project.Stage);
        Assert.Null(project.LostReason);
        Assert.Null(project.StageBeforeSideState);
        Assert.Equal(before + 4, project.StageChanges.Count);
    }
}
