using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

public sealed class ImportHistoryTests
{
    private static readonly Guid ManagerId = Guid.Parse("0197a000-0000-7000-8000-00000000f0aa");
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Signed = new(2021, 3, 1, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Registered = new(2021, 5, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Production = new(2023, 1, 8, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ledger_stages_are_recorded_at_their_own_dates_by_the_confirming_manager()
    {
        var project = new InvestmentProject("KS-2021-00001", "台账项目", SourceChannel.Expo, TestProjects.OwnerId, Signed, ManagerId);

        project.ImportHistory([(ProjectStage.Signed, Signed), (ProjectStage.Registered, Registered), (ProjectStage.Operating, Production)], ManagerId, "台账导入", Now);

        Assert.Equal(ProjectStage.Operating, project.Stage);
        Assert.Equal(Production, project.StageEnteredAtUtc);
        Assert.Equal(Now, project.LastActivityAtUtc);
        var changes = project.StageChanges.Skip(1).ToList();
        Assert.Equal([Signed, Registered, Production], changes.Select(c => c.AtUtc));
        Assert.Equal([true, false, true], changes.Select(c => c.IsJump));
        Assert.All(changes, c => Assert.Equal((ManagerId, "台账导入", false), (c.ByUserId!.Value, c.Note!, c.IsBackward)));
    }

    [Fact]
    public void A_step_at_the_current_stage_only_redates_it()
    {
        var project = new InvestmentProject("KS-2021-00002", "台账项目", SourceChannel.Expo, TestProjects.OwnerId, Now);
        project.ImportHistory([(ProjectStage.Signed, Now)], ManagerId, "台账导入", Now);

        project.ImportHistory([(ProjectStage.Signed, Signed)], ManagerId, "台账导入", Now);

        Assert.Equal((ProjectStage.Signed, Signed), (project.Stage, project.StageEnteredAtUtc));
        Assert.Equal(2, project.StageChanges.Count);
        Assert.Equal(Signed, project.StageChanges[^1].AtUtc);
    }

    [Theory]
    [InlineData("backward")]
    [InlineData("dates out of order")]
    [InlineData("future")]
    [InlineData("side state")]
    public void The_ledger_never_moves_a_project_back_out_of_order_into_the_future_or_out_of_a_side_state(string kind)
    {
        var project = new InvestmentProject("KS-2021-00003", "台账项目", SourceChannel.Expo, TestProjects.OwnerId, Signed);
        project.ImportHistory([(ProjectStage.Registered, Registered)], ManagerId, "台账导入", Now);
        IReadOnlyList<(ProjectStage, DateTime)> steps = kind switch
        {
            "backward" => [(ProjectStage.Signed, Signed)],
            "dates out of order" => [(ProjectStage.LandSecured, Production), (ProjectStage.Operating, Registered)],
            "future" => [(ProjectStage.Operating, Now.AddDays(1))],
            _ => [(ProjectStage.Operating, Production)],
        };
        if (kind == "side state")
        {
            project.MoveTo(ProjectStage.OnHold, TestProjects.Manager, "暂停", Now);
        }

        var refused = Assert.Throws<DomainRuleException>(() => project.ImportHistory(steps, ManagerId, "台账导入", Now));

        Assert.Equal(kind == "side state" ? "ledger.stage_side_state" : "ledger.stage_order", refused.Code);
    }
}
