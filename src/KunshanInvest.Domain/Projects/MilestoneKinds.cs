using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Domain.Projects;

public static class MilestoneKinds
{
    public static IReadOnlyList<MilestoneKind> All { get; } = Enum.GetValues<MilestoneKind>();

    public static string ZhName(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Registered => "注册",
        MilestoneKind.LandSupplied => "供地",
        MilestoneKind.ConstructionStarted => "开工",
        MilestoneKind.ProductionStarted => "投产",
        MilestoneKind.EnteredStatistics => "入库",
        MilestoneKind.CapacityReached => "达产",
        _ => kind.ToString(),
    };

    public static string EnName(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Registered => "registration",
        MilestoneKind.LandSupplied => "land supply",
        MilestoneKind.ConstructionStarted => "construction start",
        MilestoneKind.ProductionStarted => "production start",
        MilestoneKind.EnteredStatistics => "statistics entry",
        MilestoneKind.CapacityReached => "capacity reached",
        _ => kind.ToString(),
    };

    /// <summary>The month a milestone is ordered by: 入库 by its statistics month, the others by their date's month.</summary>
    public static int? Month(MilestoneFact milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.Kind == MilestoneKind.EnteredStatistics && milestone.StatisticsPeriod is { } period)
        {
            return period;
        }

        return milestone.ActualOn is { } on ? FigurePeriod.OfDate(on) : null;
    }
}
