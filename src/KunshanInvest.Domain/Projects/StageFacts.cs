namespace KunshanInvest.Domain.Projects;

/// <summary>A milestone as the gates read it.</summary>
public sealed record MilestoneFact(MilestoneKind Kind, DateOnly? ActualOn, double? LandMu, int? StatisticsPeriod, string? OverrideReason)
{
    public bool IsReached => ActualOn is not null;

    public static MilestoneFact Of(ProjectMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new(milestone.Kind, milestone.ActualOn, milestone.LandMu, milestone.StatisticsPeriod, milestone.OverrideReason);
    }
}

/// <summary>
/// What the gates of 供地 and later read beside the project: its milestones, and the verified sums they are judged on.
/// Loaded in SQL by whoever moves a stage; <see cref="None"/> is a project with no milestone and no verified figure.
/// </summary>
/// <param name="AboveScaleThresholdFen">The 上规 threshold of the enterprise's statistics type (configuration), in fen.</param>
/// <param name="RevenueFen">Verified 主营业务收入 over the 12 months ending at the 入库 month, in fen; null without a 入库 month.</param>
/// <param name="OutputFen">Verified 工业总产值 over the 12 months ending at the 达产 month, in fen; null without a 达产 date.</param>
public sealed record StageFacts(IReadOnlyList<MilestoneFact> Milestones, long? AboveScaleThresholdFen, long? RevenueFen, long? OutputFen)
{
    public static StageFacts None { get; } = new([], null, null, null);

    /// <summary>
    /// The review the 签约 gate reads (ADR 0032); null where the caller does not enter 签约 (the gate is only on entry,
    /// so edits and later stages never need it).
    /// </summary>
    public Reviews.ReviewGate? Review { get; init; }

    public MilestoneFact? Reached(MilestoneKind kind) => Milestones.FirstOrDefault(m => m.Kind == kind && m.IsReached);

    public MilestoneFact? Find(MilestoneKind kind) => Milestones.FirstOrDefault(m => m.Kind == kind);
}
