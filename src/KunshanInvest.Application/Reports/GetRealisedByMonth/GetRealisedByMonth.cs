using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetRealisedByMonth;

/// <summary>
/// 本年实绩逐月: the verified 到位资金 (CNY) and 实际使用外资 (USD) of the filter's projects in each month of the year the
/// period ends in, up to the as-of month, cumulated, against the year's target for exactly the filter's dimensions
/// spread evenly over the months (序时目标: target × month / 12). Two statements whatever the data: the figures grouped
/// by (month, kind), and the two targets.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetRealisedByMonth(ReportFilter Filter, DateOnly? AsOf = null) : IQuery<RealisedByMonth>, IReportRequest;

public sealed record RealisedByMonth(int Year, int LastMonth, long? FundsTargetFen, long? ForeignTargetUsdCents, IReadOnlyList<MonthRealised> Months);

/// <param name="Month">1–12.</param>
public sealed record MonthRealised(
    int Month, long FundsFen, long ForeignUsdCents, long CumulativeFundsFen, long CumulativeForeignUsdCents,
    long? FundsTargetToDateFen, long? ForeignTargetToDateUsdCents);

public sealed class GetRealisedByMonthValidator : AbstractValidator<GetRealisedByMonth>
{
    public GetRealisedByMonthValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.AsOf).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).OverridePropertyName("asOf").WithMsg(M.KpiAsOfRange);
    }
}

public sealed class GetRealisedByMonthHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetRealisedByMonth, RealisedByMonth>
{
    public async ValueTask<RealisedByMonth> Handle(GetRealisedByMonth query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var year = scope.Year;
        var asOf = query.AsOf ?? scope.Today;
        var (first, last) = FigurePeriod.YearRange(year);
        last = Math.Min(last, FigurePeriod.OfDate(asOf));
        var lastMonth = last < first ? 0 : FigurePeriod.Month(last);

        var verified = db.FigureEntries.AsNoTracking().Where(f => f.Status == FigureStatus.Verified && f.Period >= first && f.Period <= last
            && (f.Kind == FigureKind.FundsInPlace || f.Kind == FigureKind.ForeignCapitalUsed));

        // The whole zone needs no project: joining them only to filter nothing cost 5× the figures' own scan at 100k
        // projects (docs/performance.md).
        var entries = scope.SectorId is null && scope.ParkId is null && scope.OfficerId is null
            ? verified.Select(f => new Entry { Period = f.Period, Kind = f.Kind, Value = f.Value })
            : scope.Projects(db).Join(verified, p => p.Id, f => f.ProjectId, (p, f) => new Entry { Period = f.Period, Kind = f.Kind, Value = f.Value });
        var sums = await entries
            .GroupBy(x => new { x.Period, x.Kind })
            .Select(g => new { g.Key.Period, g.Key.Kind, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);

        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.Year == year && (t.Metric == TargetMetric.FundsInPlace || t.Metric == TargetMetric.ForeignCapital)
                && t.SectorId == scope.SectorId && t.OfficerId == scope.OfficerId && t.ParkId == scope.ParkId)
            .Select(t => new { t.Metric, t.Value })
            .ToListAsync(cancellationToken);
        long? fundsTarget = targets.FirstOrDefault(t => t.Metric == TargetMetric.FundsInPlace)?.Value;
        long? foreignTarget = targets.FirstOrDefault(t => t.Metric == TargetMetric.ForeignCapital)?.Value;

        long funds = 0, foreign = 0;
        var months = new List<MonthRealised>(12);
        for (var month = 1; month <= 12; month++)
        {
            var period = FigurePeriod.Of(year, month);
            var f = sums.Where(s => s.Period == period && s.Kind == FigureKind.FundsInPlace).Sum(s => s.Value);
            var u = sums.Where(s => s.Period == period && s.Kind == FigureKind.ForeignCapitalUsed).Sum(s => s.Value);
            funds += f;
            foreign += u;
            months.Add(new MonthRealised(month, f, u, funds, foreign, ToDate(fundsTarget, month), ToDate(foreignTarget, month)));
        }

        return new RealisedByMonth(year, lastMonth, fundsTarget, foreignTarget, months);
    }

    private sealed class Entry
    {
        public int Period { get; init; }
        public FigureKind Kind { get; init; }
        public long Value { get; init; }
    }

    /// <summary>序时目标: the share of a yearly target due by the end of <paramref name="month"/>, months counted evenly.</summary>
    public static long? ToDate(long? target, int month) => target is { } t ? t * month / 12 : null;
}
