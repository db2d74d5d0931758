using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;

public enum ForeignCapitalDimension
{
    /// <summary>The project's 产业链.</summary>
    Sector = 0,

    /// <summary>The enterprise's country or region (ISO code).</summary>
    Country = 1,
}

/// <summary>
/// 实际使用外资 by sector or by the enterprise's country: the verified entries of the filter's projects whose month lies
/// in the period (From's month to To's month), summed per group, largest first. Sector: two statements (the sums, the
/// sector names); country: one.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetForeignCapitalBreakdown(ReportFilter Filter, ForeignCapitalDimension By) : IQuery<ForeignCapitalBreakdown>, IReportRequest;

public sealed record ForeignCapitalBreakdown(ForeignCapitalDimension By, int FromPeriod, int ToPeriod, long TotalUsdCents, IReadOnlyList<ForeignCapitalRow> Rows);

/// <param name="Key">The sector's id or the country code; empty for projects without one.</param>
public sealed record ForeignCapitalRow(string Key, string Label, string? LabelEn, int Projects, long UsdCents);

public sealed class GetForeignCapitalBreakdownValidator : AbstractValidator<GetForeignCapitalBreakdown>
{
    public GetForeignCapitalBreakdownValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.By).IsInEnum().OverridePropertyName("by").WithMsg(M.KpiDimension);
    }
}

public sealed class GetForeignCapitalBreakdownHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetForeignCapitalBreakdown, ForeignCapitalBreakdown>
{
    public async ValueTask<ForeignCapitalBreakdown> Handle(GetForeignCapitalBreakdown query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var first = FigurePeriod.OfDate(scope.From);
        var last = FigurePeriod.OfDate(scope.To);
        var entries = scope.Projects(db)
            .Join(
                db.FigureEntries.AsNoTracking().Where(f => f.Status == FigureStatus.Verified && f.Kind == FigureKind.ForeignCapitalUsed && f.Period >= first && f.Period <= last),
                p => p.Id, f => f.ProjectId, (p, f) => new { Project = p, f.Value });

        List<ForeignCapitalRow> rows;
        if (query.By == ForeignCapitalDimension.Sector)
        {
            var sums = await entries
                .GroupBy(x => x.Project.SectorId)
                .Select(g => new { SectorId = g.Key, Projects = g.Select(x => x.Project.Id).Distinct().Count(), Value = g.Sum(x => x.Value) })
                .ToListAsync(cancellationToken);
            var ids = sums.Where(s => s.SectorId != null).Select(s => s.SectorId!.Value).ToList();
            var names = await db.Sectors.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.NameZh, s.NameEn), cancellationToken);
            rows = [.. sums.Select(s => s.SectorId is { } id && names.TryGetValue(id, out var n)
                ? new ForeignCapitalRow(id.ToString(), n.NameZh, n.NameEn, s.Projects, s.Value)
                : new ForeignCapitalRow("", "(未分配)", "(none)", s.Projects, s.Value))];
        }
        else
        {
            var sums = await (
                    from x in entries
                    join e in db.Enterprises.AsNoTracking() on x.Project.EnterpriseId equals e.Id into es
                    from e in es.DefaultIfEmpty()
                    select new { Country = e == null ? null : e.Country, ProjectId = x.Project.Id, x.Value })
                .GroupBy(x => x.Country)
                .Select(g => new { Country = g.Key, Projects = g.Select(x => x.ProjectId).Distinct().Count(), Value = g.Sum(x => x.Value) })
                .ToListAsync(cancellationToken);
            rows = [.. sums.Select(s => new ForeignCapitalRow(s.Country ?? "", s.Country ?? "(未知)", s.Country ?? "(unknown)", s.Projects, s.Value))];
        }

        rows = [.. rows.OrderByDescending(r => r.UsdCents).ThenBy(r => r.Key, StringComparer.Ordinal)];
        return new ForeignCapitalBreakdown(query.By, first, last, rows.Sum(r => r.UsdCents), rows);
    }
}
