using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Milestones;

/// <summary>
/// Loads what the stage gates read beside the project (<see cref="StageFacts"/>): its milestones, the 上规 threshold of
/// its enterprise's statistics type, and the verified sums over the 12 months ending at the 入库 and 达产 months. Three
/// statements whatever the project's history (the threshold, and the milestones with their sums); only verified entries count.
/// </summary>
public static class StageFactsLoader
{
    public static async Task<StageFacts> LoadAsync(IAppDbContext db, InvestmentProject project, AboveScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var threshold = await ThresholdAsync(db, project.EnterpriseId, options, cancellationToken);
        return await LoadAsync(db, project.Id, threshold, cancellationToken);
    }

    /// <summary>
    /// The milestones with their sums in one statement: each 入库 or 达产 row carries the verified sum of its kind over the
    /// 12 months ending at its month. yyyymm − 99 is the month eleven months earlier (202607 → 202508; 202612 → 202513,
    /// which no real month falls under, so the range still holds exactly 202601…202612).
    /// </summary>
    public static async Task<StageFacts> LoadAsync(IAppDbContext db, Guid projectId, long? threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var verified = db.FigureEntries.Where(f => f.ProjectId == projectId && f.Status == FigureStatus.Verified);
        var rows = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == projectId)
            .Select(m => new
            {
                m.Kind, m.ActualOn, m.LandMu, m.StatisticsPeriod, m.OverrideReason,
                Revenue = m.Kind == MilestoneKind.EnteredStatistics && m.ActualOn != null && m.StatisticsPeriod != null
                    ? verified.Where(f => f.Kind == FigureKind.MainBusinessRevenue && f.Period >= m.StatisticsPeriod - 99 && f.Period <= m.StatisticsPeriod).Sum(f => (long?)f.Value) ?? 0
                    : (long?)null,
                Output = m.Kind == MilestoneKind.CapacityReached && m.ActualOn != null
                    ? verified.Where(f => f.Kind == FigureKind.IndustrialOutput
                        && f.Period >= (m.ActualOn.Value.Year * 100) + m.ActualOn.Value.Month - 99
                        && f.Period <= (m.ActualOn.Value.Year * 100) + m.ActualOn.Value.Month).Sum(f => (long?)f.Value) ?? 0
                    : (long?)null,
            })
            .ToListAsync(cancellationToken);
        return new StageFacts(
            [.. rows.Select(r => new MilestoneFact(r.Kind, r.ActualOn, r.LandMu, r.StatisticsPeriod, r.OverrideReason))],
            threshold,
            rows.FirstOrDefault(r => r.Revenue is not null)?.Revenue,
            rows.FirstOrDefault(r => r.Output is not null)?.Output);
    }

    /// <summary>
    /// The facts with what the 签约 gate reads about review (ADR 0032), for a move to <paramref name="target"/>: a statement
    /// only when the move enters 签约 and the project is major under <paramref name="options"/>; otherwise the gate is
    /// known not to block without reading.
    /// </summary>
    public static async Task<StageFacts> WithReviewAsync(IAppDbContext db, InvestmentProject project, ProjectStage target, StageFacts facts, Reviews.ProjectReviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var gate = new Domain.Reviews.ReviewGate(options.RequireForMajor, options.MajorFromFen, HasPassedReview: false);
        var reference = project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState ?? ProjectStage.Lead;
        if (!target.IsPipeline() || target < ProjectStage.Signed || reference >= ProjectStage.Signed || !gate.Blocks(project))
        {
            return facts with { Review = gate with { RequireForMajor = false } };
        }

        var passed = await db.ProjectReviews.AnyAsync(
            r => r.ProjectId == project.Id && r.Status == Domain.Reviews.ReviewStatus.Decided
                && (r.Outcome == Domain.Reviews.ReviewOutcome.Passed || r.Outcome == Domain.Reviews.ReviewOutcome.PassedWithConditions),
            cancellationToken);
        return facts with { Review = gate with { HasPassedReview = passed } };
    }

    /// <summary>The facts with the given milestones (e.g. one just changed in memory) and the sums read for them.</summary>
    public static async Task<StageFacts> WithSumsAsync(IAppDbContext db, InvestmentProject project, IReadOnlyList<MilestoneFact> milestones, AboveScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var threshold = await ThresholdAsync(db, project.EnterpriseId, options, cancellationToken);
        return await WithSumsAsync(db, project.Id, milestones, threshold, cancellationToken);
    }

    /// <summary>The 上规 threshold of the enterprise's statistics type, in fen; null without an enterprise.</summary>
    public static async Task<long?> ThresholdAsync(IAppDbContext db, Guid? enterpriseId, AboveScaleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (enterpriseId is not { } id)
        {
            return null;
        }

        var types = await db.Enterprises.AsNoTracking().Where(e => e.Id == id).Select(e => e.StatisticsType).ToListAsync(cancellationToken);
        return types.Count == 1 ? options.ThresholdFen(types[0]) : null;
    }

    /// <summary>The facts with the given milestones and threshold: one statement for the sums, none when no month asks for them.</summary>
    public static async Task<StageFacts> WithSumsAsync(IAppDbContext db, Guid projectId, IReadOnlyList<MilestoneFact> milestones, long? threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(milestones);
        var statisticsMonth = milestones.FirstOrDefault(m => m.Kind == MilestoneKind.EnteredStatistics && m.IsReached)?.StatisticsPeriod;
        var capacityMonth = milestones.FirstOrDefault(m => m.Kind == MilestoneKind.CapacityReached && m.IsReached) is { } capacity
            ? MilestoneKinds.Month(capacity)
            : null;
        if (statisticsMonth is null && capacityMonth is null)
        {
            return new StageFacts(milestones, threshold, null, null);
        }

        var (revenueFrom, revenueTo) = Window(statisticsMonth);
        var (outputFrom, outputTo) = Window(capacityMonth);
        var sums = await db.FigureEntries.AsNoTracking()
            .Where(f => f.ProjectId == projectId && f.Status == FigureStatus.Verified
                && ((f.Kind == FigureKind.MainBusinessRevenue && f.Period >= revenueFrom && f.Period <= revenueTo)
                    || (f.Kind == FigureKind.IndustrialOutput && f.Period >= outputFrom && f.Period <= outputTo)))
            .GroupBy(f => f.Kind)
            .Select(g => new { Kind = g.Key, Sum = g.Sum(f => f.Value) })
            .ToListAsync(cancellationToken);
        long? Sum(FigureKind kind, int? month) => month is null ? null : sums.Where(s => s.Kind == kind).Sum(s => s.Sum);
        return new StageFacts(milestones, threshold, Sum(FigureKind.MainBusinessRevenue, statisticsMonth), Sum(FigureKind.IndustrialOutput, capacityMonth));
    }

    /// <summary>The 12 months ending at <paramref name="month"/> (yyyymm), inclusive; an empty range without a month.</summary>
    public static (int From, int To) Window(int? month)
    {
        if (month is not { } last)
        {
            return (1, 0);
        }

        var year = FigurePeriod.Year(last);
        var m = FigurePeriod.Month(last);
        var first = m == 12 ? FigurePeriod.Of(year, 1) : FigurePeriod.Of(year - 1, m + 1);
        return (first, last);
    }
}
