using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetEventReport;

/// <summary>
/// 活动签约: the events starting within the period, each with the projects recorded as signed there (of the filter's
/// sector, park and officer) and their pledges in CNY at the rates of the event's year, beside the figures announced
/// at the event (e.g. the 2025 Suzhou conference: 55 projects, CNY 44.18 bn). Three statements.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetEventReport(ReportFilter Filter) : IQuery<EventReport>, IReportRequest;

public sealed record EventReport(DateOnly From, DateOnly To, IReadOnlyList<EventReportRow> Events, int TotalProjects, long TotalPledgedFen, IReadOnlyList<UnconvertedAmount> Unconverted);

public sealed record EventReportRow(Guid EventId, string Code, string NameZh, string NameEn, DateOnly StartsOn, int? AnnouncedProjects, long? AnnouncedInvestmentFen, int RecordedProjects, long RecordedPledgedFen);

public sealed class GetEventReportValidator : AbstractValidator<GetEventReport>
{
    public GetEventReportValidator() => this.AddReportFilterRules();
}

public sealed class GetEventReportHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetEventReport, EventReport>
{
    public async ValueTask<EventReport> Handle(GetEventReport query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).LoadAsync(cancellationToken);
        var events = db.Events.AsNoTracking().Where(e => e.StartsOn >= scope.From && e.StartsOn <= scope.To);

        var rows = await events
            .OrderBy(e => e.StartsOn).ThenBy(e => e.Code)
            .Select(e => new { e.Id, e.Code, e.NameZh, e.NameEn, e.StartsOn, e.AnnouncedProjects, e.AnnouncedInvestmentFen })
            .ToListAsync(cancellationToken);

        var eventIds = events.Select(e => e.Id);
        var signings = await scope.Projects(db)
            .Where(p => p.EventId != null && eventIds.Contains(p.EventId.Value))
            .GroupBy(p => new { p.EventId, p.PledgedInvestment!.Currency })
            .Select(g => new { g.Key.EventId, g.Key.Currency, Projects = g.Count(), Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits) })
            .ToListAsync(cancellationToken);

        var unconverted = new List<UnconvertedAmount>();
        var result = rows.Select(e =>
            {
                var totals = new CnyTotals(rates.ForYear(e.StartsOn.Year));
                var mine = signings.Where(s => s.EventId == e.Id).ToList();
                var fen = mine.Sum(s => totals.Convert(s.Currency, s.Minor, s.Projects));
                unconverted.AddRange(totals.Unconverted);
                return new EventReportRow(e.Id, e.Code, e.NameZh, e.NameEn, e.StartsOn, e.AnnouncedProjects, e.AnnouncedInvestmentFen, mine.Sum(s => s.Projects), fen);
            })
            .ToList();

        var merged = unconverted
            .GroupBy(u => u.Currency, StringComparer.Ordinal)
            .Select(g => new UnconvertedAmount(g.Key, g.Sum(u => u.Projects), g.Sum(u => u.MinorUnits)))
            .OrderBy(u => u.Currency, StringComparer.Ordinal)
            .ToList();
        return new EventReport(scope.From, scope.To, result, result.Sum(r => r.RecordedProjects), result.Sum(r => r.RecordedPledgedFen), merged);
    }
}
