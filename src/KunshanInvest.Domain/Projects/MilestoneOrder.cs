using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Domain.Projects;

/// <summary>
/// 注册 ≤ 供地 ≤ 开工 ≤ 投产 ≤ 入库 ≤ 达产: a reached milestone is not dated before the reached one before it, nor after the
/// reached one after it; kinds not reached (供地 of a lease project) are skipped. 入库 is a month, so it and its
/// neighbours compare by month. No milestone is dated in the future.
/// </summary>
public static class MilestoneOrder
{
    public static void Check(MilestoneFact changed, IEnumerable<MilestoneFact> all, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(all);
        if (!changed.IsReached)
        {
            return;
        }

        if (changed.ActualOn > today || MilestoneKinds.Month(changed) > FigurePeriod.OfDate(today))
        {
            throw new DomainRuleException("milestone.future", $"{changed.Kind} is dated in the future.")
            {
                Args = new Dictionary<string, object?> { ["kind"] = changed.Kind.EnName(), ["kindZh"] = changed.Kind.ZhName(), ["date"] = Show(changed) },
            };
        }

        var reached = all.Where(m => m.IsReached && m.Kind != changed.Kind).ToList();
        var previous = reached.Where(m => m.Kind < changed.Kind).MaxBy(m => m.Kind);
        if (previous is not null && Before(changed, previous))
        {
            throw Disorder("milestone.before_previous", changed, previous);
        }

        var next = reached.Where(m => m.Kind > changed.Kind).MinBy(m => m.Kind);
        if (next is not null && Before(next, changed))
        {
            throw Disorder("milestone.after_next", changed, next);
        }
    }

    /// <summary>Whether <paramref name="later"/> is dated before <paramref name="earlier"/> (by month where 入库 is involved).</summary>
    private static bool Before(MilestoneFact later, MilestoneFact earlier) =>
        later.Kind == MilestoneKind.EnteredStatistics || earlier.Kind == MilestoneKind.EnteredStatistics
            ? MilestoneKinds.Month(later) < MilestoneKinds.Month(earlier)
            : later.ActualOn < earlier.ActualOn;

    private static DomainRuleException Disorder(string code, MilestoneFact changed, MilestoneFact other) =>
        new(code, $"{changed.Kind} ({Show(changed)}) is out of order with {other.Kind} ({Show(other)}).")
        {
            Args = new Dictionary<string, object?>
            {
                ["kind"] = changed.Kind.EnName(), ["kindZh"] = changed.Kind.ZhName(), ["date"] = Show(changed),
                ["other"] = other.Kind.EnName(), ["otherZh"] = other.Kind.ZhName(), ["otherDate"] = Show(other),
            },
        };

    private static string Show(MilestoneFact milestone) =>
        milestone.Kind == MilestoneKind.EnteredStatistics && milestone.StatisticsPeriod is { } period
            ? FigurePeriod.Format(period)
            : milestone.ActualOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
