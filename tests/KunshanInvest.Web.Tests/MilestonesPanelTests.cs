using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Milestones.ListMilestones;
using KunshanInvest.Application.Milestones.RecordMilestone;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Web.Components.Milestones;
using MudBlazor;

namespace KunshanInvest.Web.Tests;

public sealed class MilestonesPanelTests : ComponentTest
{
    private static readonly Guid ProjectId = Guid.NewGuid();

    private static ProjectMilestones Listed(bool canEdit, bool canOverride = false) => new(ProjectId, ProjectStage.LandSecured, canEdit, canOverride,
    [
        MilestoneDto.Empty(MilestoneKind.Registered) with { IsRecorded = true, IsReached = true, ActualOn = new(2025, 1, 10), CreditCode = "91320583MA0DE0013C" },
        MilestoneDto.Empty(MilestoneKind.LandSupplied) with { IsRecorded = true, IsReached = true, ActualOn = new(2025, 3, 1), LandMu = 42.5, HasEvidence = true, EvidenceFileName = "土地合同.pdf" },
        MilestoneDto.Empty(MilestoneKind.ConstructionStarted) with { IsRecorded = true, PlannedOn = new(2025, 4, 1) },
        MilestoneDto.Empty(MilestoneKind.ProductionStarted),
        MilestoneDto.Empty(MilestoneKind.EnteredStatistics),
        MilestoneDto.Empty(MilestoneKind.CapacityReached),
    ]);

    private IRenderedComponent<MilestonesPanel> RenderPanel(ProjectMilestones listed, Action? changed = null)
    {
        Sender.Respond = message => message is ListMilestones ? listed : null;
        return Render<MilestonesPanel>(p => p.Add(x => x.ProjectId, ProjectId).Add(x => x.Changed, changed ?? (() => { })));
    }

    [Fact]
    public void The_timeline_shows_the_six_in_order_greys_those_not_reached_and_links_the_evidence()
    {
        var cut = RenderPanel(Listed(canEdit: true));

        var cards = cut.FindAll("[data-testid=milestone-timeline] > div");
        Assert.Equal(6, cards.Count);
        Assert.Equal(["true", "true", "false", "false", "false", "false"], cards.Select(c => c.GetAttribute("data-reached")));
        Assert.Contains("opacity", cards[2].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/projects/{ProjectId}/milestones/LandSupplied/evidence", cut.Find("[data-testid=milestone-evidence-LandSupplied]").GetAttribute("href"));
        Assert.Contains("2025-04-01", cards[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_sends_the_first_milestone_not_reached_with_its_dates_then_tells_the_page()
    {
        var changed = 0;
        var cut = RenderPanel(Listed(canEdit: true), () => changed++);

        var dates = cut.FindComponents<MudTextField<string>>();
        await cut.InvokeAsync(() => dates[1].Instance.ValueChanged.InvokeAsync("2025-04-03"));
        await cut.Find("[data-testid=milestone-save]").ClickAsync(new());

        var sent = Assert.IsType<RecordMilestone>(Sender.Sent.Single(m => m is RecordMilestone));
        Assert.Equal(new RecordMilestone(ProjectId, MilestoneKind.ConstructionStarted, new(2025, 4, 1), new(2025, 4, 3)), sent);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void A_reader_who_may_not_edit_sees_no_form_and_an_officer_no_override()
    {
        var reader = RenderPanel(Listed(canEdit: false));
        Assert.Empty(reader.FindAll("[data-testid=milestone-form]"));

        var officer = RenderPanel(Listed(canEdit: true, canOverride: false) with { Milestones = [.. Listed(true).Milestones.Select(m => m with { IsReached = m.Kind != MilestoneKind.CapacityReached })] });
        Assert.Empty(officer.FindAll("[data-testid=milestone-override]"));
    }
}
