using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.MoveStage;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Web.Components.Projects;
using KunshanInvest.Web.Text;
using MudBlazor;

namespace KunshanInvest.Web.Tests;

public sealed class ProjectStagePanelTests : ComponentTest
{
    private static ProjectDetail Project(ProjectStage stage, ProjectStage? next, params StageGap[] gaps) => new(
        Guid.NewGuid(), "KS-2026-0001", "咖啡烘焙", stage, null, null, DateTime.UtcNow, false, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null,
        SourceChannel.Conference, Guid.NewGuid(), "王晓", null, false, null, null, DateTime.UtcNow, DateTime.UtcNow,
        new PledgeDto(null, null, null, null, null, null), null, new RealisedDto(null, null, null, null),
        [], next, [], gaps, 3);

    private IRenderedComponent<ProjectStagePanel> RenderPanel(ProjectDetail project, Action? moved = null) =>
        Render<ProjectStagePanel>(p => p.Add(x => x.Project, project).Add(x => x.Moved, moved ?? (() => { })));

    [Fact]
    public void It_offers_every_stage_but_the_current_one()
    {
        var cut = RenderPanel(Project(ProjectStage.Negotiating, ProjectStage.Signed));

        var offered = cut.FindComponents<MudSelectItem<ProjectStage>>().Select(i => i.Instance.Value).ToList();

        Assert.Equal(Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Negotiating), offered);
    }

    [Fact]
    public void It_aims_at_the_natural_next_stage_and_lists_what_that_stage_still_needs()
    {
        var gap = new StageGap(ProjectStage.Signed, [new MissingEvidenceDto("PledgedInvestment", "协议投资额未填")]);

        var cut = RenderPanel(Project(ProjectStage.Negotiating, ProjectStage.Signed, gap));

        Assert.Equal(ProjectStage.Signed, cut.Instance.Target);
        Assert.Equal("PledgedInvestment", cut.Find("[data-testid=next-stage-missing] li").GetAttribute("data-field"));
        Assert.Empty(cut.FindAll("[data-testid=target-ready]"));
    }

    [Fact]
    public void A_target_stage_with_nothing_missing_is_shown_as_ready()
    {
        var cut = RenderPanel(Project(ProjectStage.Lead, ProjectStage.Contacted, new StageGap(ProjectStage.Contacted, [])));

        Assert.Contains(T.StageName(ProjectStage.Contacted), cut.Find("[data-testid=target-ready]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_sends_the_target_the_reason_and_the_version_then_tells_the_page()
    {
        var moved = 0;
        var project = Project(ProjectStage.Negotiating, ProjectStage.Signed);
        var cut = RenderPanel(project, () => moved++);

        var note = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => note.Instance.ValueChanged.InvokeAsync("客户签约"));
        await cut.Find("[data-testid=stage-move]").ClickAsync(new());

        var sent = Assert.IsType<MoveStage>(Assert.Single(Sender.Sent));
        Assert.Equal(new MoveStage(project.Id, ProjectStage.Signed, "客户签约", 3), sent);
        Assert.Equal(1, moved);
        Assert.Empty(cut.FindAll("[data-testid=stage-error]"));
    }

    [Fact]
    public async Task A_move_refused_at_the_gate_shows_the_missing_evidence_and_does_not_tell_the_page()
    {
        var moved = 0;
        Sender.Respond = _ => throw new StageGateException(ProjectStage.Signed, [new MissingEvidence("LandMu", "gate.land_secured.land_mu", "用地未填")]);
        var cut = RenderPanel(Project(ProjectStage.Negotiating, ProjectStage.Signed), () => moved++);

        await cut.Find("[data-testid=stage-move]").ClickAsync(new());

        Assert.Equal("LandMu", cut.Find("[data-testid=stage-error] [data-testid=stage-missing] li").GetAttribute("data-field"));
        Assert.Equal(0, moved);
    }

    [Fact]
    public async Task A_reloaded_project_keeps_the_stage_the_user_was_working_towards()
    {
        var cut = RenderPanel(Project(ProjectStage.Lead, ProjectStage.Contacted));
        var target = cut.FindComponent<MudSelect<ProjectStage>>();
        await cut.InvokeAsync(() => target.Instance.ValueChanged.InvokeAsync(ProjectStage.Signed));

        cut.Render(p => p.Add(x => x.Project, Project(ProjectStage.Lead, ProjectStage.Contacted)));

        Assert.Equal(ProjectStage.Signed, cut.Instance.Target);
    }
}
