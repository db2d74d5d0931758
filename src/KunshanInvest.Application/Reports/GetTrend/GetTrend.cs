using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetTrend;

/// <summary>
/// 趋势: a monthly series from the daily pipeline snapshots — for each month of the period, the last snapshot taken in
/// it: projects in the pipeline (not lost), those at 签约 or beyond, and their pledges in CNY at that year's rates.
/// Three statements: the rates, the snapshot days, one GROUP BY over the chosen days.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetTrend(ReportFilter Filter) : IQuery<Trend>, IReportRequest;

public sealed record Trend(DateOnly From, DateOnly To, IReadOnlyList<TrendPoint> Points, IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary><see cref="Month"/> as yyyy-MM; <see cref="Day"/> the snapshot that stands for it.</summary>
public sealed record TrendPoint(string Month, DateOnly Day, int Projects, int SignedProjects, long PledgedFen);

public sealed class GetTrendValidator : AbstractValidator<GetTrend>
{
    public GetTrendValidator() => this.AddReportFilterRules();
}

public sealed class GetTrendHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetTrend, Trend>
{
    public async ValueTask<Trend> Handle(GetTrend query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).LoadAsync(cancellationToken);

        var days = await db.PipelineSnapshots.AsNoTracking()
            .Where(s => s.Day >= scope.From && s.Day <= scope.To)
            .Select(s => s.Day)
            .Distinct()
            .ToListAsync(cancellationToken);
        var chosen = days.GroupBy(d => (d.Year, d.Month)).Select(g => g.Max()).Order().ToList();

        var snapshots = db.PipelineSnapshots.AsNoTracking().Where(s => chosen.Contains(s.Day) && s.Stage != ProjectStage.Lost);
        if (scope.SectorId is { } sector)
        {
            snapshots = snapshots.Where(s => s.SectorId == sector);
        }

        if (scope.ParkId is { } park)
        {
            snapshots = snapshots.Where(s => s.ParkId == park);
        }

        if (scope.OfficerId is { } officer)
        {
            snapshots = snapshots.Where(s => s.OwnerId == officer);
        }

        var groups = await snapshots
            .GroupBy(s => new { s.Day, Signed = s.Stage >= ProjectStage.Signed && s.Stage <= ProjectStage.AtCapacity, s.Currency })
            .Select(g => new { g.Key.Day, g.Key.Signed, g.Key.Currency, Projects = g.Sum(s => s.Projects), Minor = g.Sum(s => s.PledgedMinor) })
            .ToListAsync(cancellationToken);

        // Each point converts with its own year's rates; what could not be converted is reported as of the latest point.
        IReadOnlyList<UnconvertedAmount> unconverted = [];
        var points = chosen.Select(day =>
            {
                var totals = new CnyTotals(rates.ForYear(day.Year));
                var mine = groups.Where(g => g.Day == day).ToList();
                var fen = mine.Sum(g => totals.Convert(g.Currency, g.Minor, g.Projects));
                unconverted = totals.Unconverted;
                return new TrendPoint(day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), day, mine.Sum(g => g.Projects), mine.Where(g => g.Signed).Sum(g => g.Projects), fen);
            })
            .ToList();

        return new Trend(scope.From, scope.To, points, unconverted);
    }
}
