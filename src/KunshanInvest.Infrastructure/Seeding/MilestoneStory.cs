using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// The milestones and verified figures behind a generated project's stages (demo seed, synthetic data), so its stage
/// moves pass the gates the way an officer's would: each stage from 注册 on has its milestone dated the day the stage
/// was entered; 上规 has twelve verified months of 主营业务收入 up to its 入库 month at the threshold, and 达产 twelve of
/// 工业总产值 up to its month at the pledged output. Figures are entered by the owner and verified by another user.
/// </summary>
internal static class MilestoneStory
{
    public sealed record Told(IReadOnlyList<ProjectMilestone> Milestones, IReadOnlyList<FigureEntry> Figures, StageFacts Facts);

    /// <param name="path">The pipeline stages the project entered, with when; 供地 absent for a lease project.</param>
    /// <param name="thresholdFen">The 上规 threshold of the enterprise's statistics type.</param>
    public static Told Tell(InvestmentProject project, IEnumerable<(ProjectStage Stage, DateTime AtUtc)> path, Guid ownerId, Guid checkerId, long? thresholdFen, string? parcel)
    {
        var milestones = new List<ProjectMilestone>();
        var figures = new List<FigureEntry>();
        long? revenue = null;
        long? output = null;
        foreach (var (stage, at) in path)
        {
            if (KindFor(stage) is not { } kind)
            {
                continue;
            }

            // UTC days and months throughout, so a figure's month is never after the moment it was entered.
            var day = DateOnly.FromDateTime(at);
            var month = FigurePeriod.OfDate(at);
            var milestone = new ProjectMilestone(project.Id, kind, ownerId, at);
            milestone.Plan(day);
            milestone.Reach(day, ownerId, at);
            milestone.Describe(
                kind == MilestoneKind.Registered ? project.ProjectCompanyCreditCode : null,
                kind == MilestoneKind.LandSupplied ? project.PledgedLandMu : null,
                kind == MilestoneKind.LandSupplied ? parcel : null,
                kind == MilestoneKind.EnteredStatistics ? month : null,
                null);
            milestones.Add(milestone);

            if (kind == MilestoneKind.EnteredStatistics)
            {
                var yearly = Math.Max(thresholdFen ?? 0, project.PledgedAnnualOutputFen ?? 0);
                revenue = AddYear(figures, project, FigureKind.MainBusinessRevenue, month, yearly, ownerId, checkerId, at);
            }
            else if (kind == MilestoneKind.CapacityReached)
            {
                output = AddYear(figures, project, FigureKind.IndustrialOutput, month, project.PledgedAnnualOutputFen ?? 0, ownerId, checkerId, at);
            }
        }

        return new Told(milestones, figures, new StageFacts([.. milestones.Select(MilestoneFact.Of)], thresholdFen, revenue, output));
    }

    public static MilestoneKind? KindFor(ProjectStage stage) => stage switch
    {
        ProjectStage.Registered => MilestoneKind.Registered,
        ProjectStage.LandSecured => MilestoneKind.LandSupplied,
        ProjectStage.UnderConstruction => MilestoneKind.ConstructionStarted,
        ProjectStage.Operating => MilestoneKind.ProductionStarted,
        ProjectStage.AboveScale => MilestoneKind.EnteredStatistics,
        ProjectStage.AtCapacity => MilestoneKind.CapacityReached,
        _ => null,
    };

    /// <summary>Twelve verified months ending at <paramref name="lastMonth"/> that add up to at least <paramref name="yearlyFen"/>.</summary>
    private static long AddYear(List<FigureEntry> figures, InvestmentProject project, FigureKind kind, int lastMonth, long yearlyFen, Guid ownerId, Guid checkerId, DateTime at)
    {
        var monthly = (yearlyFen + 11) / 12;
        var year = FigurePeriod.Year(lastMonth);
        var month = FigurePeriod.Month(lastMonth);
        for (var i = 0; i < 12; i++)
        {
            var m = month - i;
            var period = m >= 1 ? FigurePeriod.Of(year, m) : FigurePeriod.Of(year - 1, m + 12);
            var entry = new FigureEntry(project.Id, kind, period, monthly, "CNY", monthly, null, null, ownerId, at);
            entry.Verify(checkerId, at);
            figures.Add(entry);
        }

        return monthly * 12;
    }
}
