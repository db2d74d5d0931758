using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetTargetProgress;

/// <summary>
/// 目标完成情况: for the year the period ends in, each metric's actual over the filter's projects, against the target
/// set for exactly the filter's sector / officer / park, and every narrower target (the cascade) with its own actual;
/// progress beside the share of the year elapsed (序时进度) at <see cref="AsOf"/> (default: today in Kunshan).
/// Pledge metrics count the year's signings; realised metrics (到位资金, 实际使用外资, tax, output, fixed-asset
/// investment, headcount) count only the VERIFIED figure entries of the target year's months up to the as-of month —
/// headcount is each project's latest verified month, not a sum. Eight statements whatever the data: rates, signings
/// grouped by (sector, owner, park, currency), flow figures grouped by (sector, owner, park, kind), latest headcounts
/// grouped the same way, targets, and three name lookups.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetTargetProgress(ReportFilter Filter, DateOnly? AsOf = null) : IQuery<TargetProgress>, IReportRequest;

public sealed record TargetProgress(
    int Year,
    double ElapsedShare,
    IReadOnlyList<MetricProgress> Metrics,
    IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary>A metric over the filter's projects, and the target set for exactly the filter's dimensions (if any).</summary>
public sealed record MetricProgress(TargetMetric Metric, long Actual, long? Target, double? Progress, bool? Behind = null);

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
    public GetTargetProgressValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.AsOf).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100)
            .OverridePropertyName("asOf").WithMsg(M.KpiAsOfRange);
    }
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

        var asOf = query.AsOf ?? scope.Today;
        var (first, last) = FigurePeriod.YearRange(year);
        last = Math.Min(last, FigurePeriod.OfDate(asOf));
        var verified = db.FigureEntries.AsNoTracking().Where(f => f.Status == FigureStatus.Verified && f.Period >= first && f.Period <= last);

        var flows = await scope.Projects(db)
            .Join(
                verified.Where(f => f.Kind == FigureKind.FundsInPlace || f.Kind == FigureKind.ForeignCapitalUsed || f.Kind == FigureKind.TaxPaid
                    || f.Kind == FigureKind.IndustrialOutput || f.Kind == FigureKind.FixedAssetInvestment),
                p => p.Id, f => f.ProjectId, (p, f) => new { p.SectorId, p.OwnerId, p.ParkId, f.Kind, f.Value })
            .GroupBy(x => new { x.SectorId, x.OwnerId, x.ParkId, x.Kind })
            .Select(g => new { g.Key.SectorId, g.Key.OwnerId, g.Key.ParkId, g.Key.Kind, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);

        // Headcount is a level: each project's latest verified month of the year, summed over the projects.
        var headcounts = verified.Where(f => f.Kind == FigureKind.Jobs);
        var latestMonths = headcounts.GroupBy(f => f.ProjectId).Select(g => new { ProjectId = g.Key, Period = g.Max(f => f.Period) });
        var jobs = await (
                from p in scope.Projects(db)
                join l in latestMonths on p.Id equals l.ProjectId
                join f in headcounts on new { l.ProjectId, l.Period } equals new { f.ProjectId, f.Period }
                select new { p.SectorId, p.OwnerId, p.ParkId, f.Value })
            .GroupBy(x => new { x.SectorId, x.OwnerId, x.ParkId })
            .Select(g => new { g.Key.SectorId, g.Key.OwnerId, g.Key.ParkId, Value = g.Sum(x => x.Value) })
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
            .Concat(flows.Select(f => new Fact(f.SectorId, f.OwnerId, f.ParkId, new Dictionary<TargetMetric, long> { [MetricOf(f.Kind)] = f.Value })))
            .Concat(jobs.Select(j => new Fact(j.SectorId, j.OwnerId, j.ParkId, new Dictionary<TargetMetric, long> { [TargetMetric.RealisedJobs] = j.Value })))
            .ToList();

        var elapsed = ElapsedShare(year, asOf);
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
                var progress = ProgressOf(actual, exact?.Value);
                return new MetricProgress(metric, actual, exact?.Value, progress, progress is { } value ? value < elapsed : null);
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

    private static TargetMetric MetricOf(FigureKind kind) => kind switch
    {
        FigureKind.FundsInPlace => TargetMetric.FundsInPlace,
        FigureKind.ForeignCapitalUsed => TargetMetric.ForeignCapital,
        FigureKind.TaxPaid => TargetMetric.RealisedTax,
        FigureKind.IndustrialOutput => TargetMetric.IndustrialOutput,
        FigureKind.FixedAssetInvestment => TargetMetric.FixedAssetInvestment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a target's figure."),
    };

    private sealed record Fact(Guid? SectorId, Guid OwnerId, Guid? ParkId, Dictionary<TargetMetric, long> Values);
}
