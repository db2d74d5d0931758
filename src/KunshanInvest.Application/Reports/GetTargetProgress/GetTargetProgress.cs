using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Figures;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetTargetProgress;

/// <summary>
/// 目标完成情况: for the year the period ends in, each metric's actual over the filter's projects, against the target
/// set for exactly the filter's sector / officer / park, and every narrower target (the cascade) with its own actual;
/// progress beside the share of the year elapsed in Kunshan. 到位资金 and 实际利用外资 are the VERIFIED figure entries whose
/// month lies in the target's year (nothing pledged, nothing unchecked counts). Seven statements whatever the data:
/// rates, signings grouped by (sector, owner, park, currency), the year's verified figures grouped by (sector, owner,
/// park, kind), targets, and three name lookups.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetTargetProgress(ReportFilter Filter) : IQuery<TargetProgress>, IReportRequest;

public sealed record TargetProgress(
    int Year,
    double ElapsedShare,
    IReadOnlyList<MetricProgress> Metrics,
    IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary>A metric over the filter's projects, and the target set for exactly the filter's dimensions (if any).</summary>
public sealed record MetricProgress(TargetMetric Metric, long Actual, long? Target, double? Progress);

public sealed record TargetRow(
    Guid Id,
    int Version,
    TargetMetric Metric,
    Guid? SectorId,
    string? SectorName,
    Guid? OfficerId,
    string? OfficerName,
    Guid? ParkId,
    string? ParkName,
    long Value,
    long Actual,
    double? Progress,
    bool Behind,
    string? SectorNameEn = null,
    string? ParkNameEn = null);

public sealed class GetTargetProgressValidator : AbstractValidator<GetTargetProgress>
{
    public GetTargetProgressValidator() => this.AddReportFilterRules();
}

public sealed class GetTargetProgressHandler(IAppDbContext db, IUserDirectory users, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetTargetProgress, TargetProgress>
{
    public async ValueTask<TargetProgress> Handle(GetTargetProgress query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var year = scope.Year;
        var yearStart = BureauCalendar.ToUtc(new DateOnly(year, 1, 1), TimeOnly.MinValue);
        var yearEnd = BureauCalendar.ToUtc(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);
        var rates = await new ExchangeRateTable(db).ForYearAsync(year, cancellationToken);

        // The year's signings: the projects joined to their signing instant within the year (a HAVING on one GROUP BY).
        var signedThisYear = ReportScope.SigningInstants(db).Where(s => s.SignedAt >= yearStart && s.SignedAt < yearEnd);
        var signings = await scope.Projects(db)
            .Join(signedThisYear, p => p.Id, s => s.ProjectId, (p, _) => p)
            .GroupBy(p => new { p.SectorId, p.OwnerId, p.ParkId, p.PledgedInvestment!.Currency })
            .Select(g => new
            {
                g.Key.SectorId,
                g.Key.OwnerId,
                g.Key.ParkId,
                g.Key.Currency,
                Projects = g.Count(),
                Major = g.Count(p => p.IsMajor),
                Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits),
                Jobs = g.Sum(p => (long)(p.PledgedJobs ?? 0)),
            })
            .ToListAsync(cancellationToken);

        var (firstMonth, lastMonth) = FigurePeriod.YearRange(year);
        var realised = await scope.Projects(db)
            .Join(
                VerifiedFigures.Of(db).Where(f => f.Period >= firstMonth && f.Period <= lastMonth && (f.Kind == FigureKind.FundsInPlace || f.Kind == FigureKind.ForeignCapitalUsed)),
                p => p.Id, f => f.ProjectId, (p, f) => new { p.SectorId, p.OwnerId, p.ParkId, f.Kind, f.Value })
            .GroupBy(x => new { x.SectorId, x.OwnerId, x.ParkId, x.Kind })
            .Select(g => new { g.Key.SectorId, g.Key.OwnerId, g.Key.ParkId, g.Key.Kind, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);

        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.Year == year)
            .Where(t => scope.SectorId == null || t.SectorId == scope.SectorId)
            .Where(t => scope.ParkId == null || t.ParkId == scope.ParkId)
            .Where(t => scope.OfficerId == null || t.OfficerId == scope.OfficerId)
            .OrderBy(t => t.Metric).ThenBy(t => t.SectorId).ThenBy(t => t.OfficerId).ThenBy(t => t.ParkId)
            .ToListAsync(cancellationToken);

        var totals = new CnyTotals(rates);
        var facts = signings
            .Select(s => new Fact(s.SectorId, s.OwnerId, s.ParkId, new Dictionary<TargetMetric, long>
            {
                [TargetMetric.SignedProjects] = s.Projects,
                [TargetMetric.SignedInvestment] = totals.Convert(s.Currency, s.Minor, s.Projects),
                [TargetMetric.MajorProjects] = s.Major,
                [TargetMetric.Jobs] = s.Jobs,
            }))
            .Concat(realised.Select(f => new Fact(f.SectorId, f.OwnerId, f.ParkId, new Dictionary<TargetMetric, long>
            {
                [f.Kind == FigureKind.FundsInPlace ? TargetMetric.FundsInPlace : TargetMetric.ForeignCapital] = f.Value,
            })))
            .ToList();

        var elapsed = ElapsedShare(year, scope.Today);
        long ActualOf(TargetMetric metric, Func<Fact, bool> covered) => facts.Where(covered).Sum(f => f.Values.GetValueOrDefault(metric));
        static double? ProgressOf(long actual, long? target) => target is > 0 ? (double)actual / target.Value : null;

        var sectorIds = targets.Where(t => t.SectorId != null).Select(t => t.SectorId!.Value).Distinct().ToList();
        var parkIds = targets.Where(t => t.ParkId != null).Select(t => t.ParkId!.Value).Distinct().ToList();
        var sectorNames = await db.Sectors.AsNoTracking().Where(s => sectorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (Zh: s.NameZh, En: s.NameEn), cancellationToken);
        var parkNames = await db.Parks.AsNoTracking().Where(p => parkIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (Zh: p.NameZh, En: p.NameEn), cancellationToken);
        var officerNames = await users.DisplayNamesAsync(targets.Where(t => t.OfficerId != null).Select(t => t.OfficerId!.Value).Distinct(), cancellationToken);

        var metrics = Enum.GetValues<TargetMetric>()
            .Select(metric =>
            {
                var actual = ActualOf(metric, _ => true);
                var exact = targets.FirstOrDefault(t => t.Metric == metric && t.SectorId == scope.SectorId && t.OfficerId == scope.OfficerId && t.ParkId == scope.ParkId);
                return new MetricProgress(metric, actual, exact?.Value, ProgressOf(actual, exact?.Value));
            })
            .ToList();

        var rows = targets
            .Select(t =>
            {
                var actual = ActualOf(t.Metric, f => t.Covers(f.SectorId, f.OwnerId, f.ParkId));
                var progress = ProgressOf(actual, t.Value);
                return new TargetRow(
                    t.Id, t.Version, t.Metric,
                    t.SectorId, t.SectorId is { } s ? sectorNames.GetValueOrDefault(s).Zh : null,
                    t.OfficerId, t.OfficerId is { } o ? officerNames.GetValueOrDefault(o) : null,
                    t.ParkId, t.ParkId is { } k ? parkNames.GetValueOrDefault(k).Zh : null,
                    t.Value, actual, progress, progress is { } value && value < elapsed,
                    t.SectorId is { } se ? sectorNames.GetValueOrDefault(se).En : null,
                    t.ParkId is { } ke ? parkNames.GetValueOrDefault(ke).En : null);
            })
            .ToList();

        return new TargetProgress(year, elapsed, metrics, rows, totals.Unconverted);
    }

    /// <summary>The share of <paramref name="year"/> gone by the end of <paramref name="today"/> (Kunshan): 0 before it, 1 after it.</summary>
    public static double ElapsedShare(int year, DateOnly today)
    {
        if (today.Year < year)
        {
            return 0;
        }

        if (today.Year > year)
        {
            return 1;
        }

        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        return (double)today.DayOfYear / days;
    }

    private sealed record Fact(Guid? SectorId, Guid OwnerId, Guid? ParkId, Dictionary<TargetMetric, long> Values);
}
