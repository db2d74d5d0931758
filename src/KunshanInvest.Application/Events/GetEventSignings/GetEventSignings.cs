using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Events.GetEventSignings;

/// <summary>
/// The projects recorded as signed at an event, and their totals beside the figures announced there. Pledges are
/// summed per currency in SQL and converted to CNY at the rates of the event's year.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetEventSignings(Guid EventId) : IQuery<EventSignings>;

public sealed record EventSignings(
    Guid EventId,
    int? AnnouncedProjects,
    long? AnnouncedInvestmentFen,
    int RecordedProjects,
    long RecordedPledgedFen,
    IReadOnlyList<PledgedByCurrency> ByCurrency,
    IReadOnlyList<string> UnconvertedCurrencies,
    IReadOnlyList<EventSigning> Items);

/// <summary>The pledges of one currency: the sum in its minor unit and, where a rate is known, in CNY fen.</summary>
public sealed record PledgedByCurrency(string Currency, int Projects, long MinorUnits, long? Fen);

public sealed record EventSigning(
    Guid ProjectId,
    string Code,
    string Name,
    ProjectStage Stage,
    Guid? EnterpriseId,
    string? EnterpriseNameZh,
    string? EnterpriseNameEn,
    Guid? SectorId,
    string? SectorNameZh,
    Guid? ParkId,
    string? ParkNameZh,
    MoneyDto? PledgedInvestment,
    string? SectorNameEn,
    string? ParkNameEn);

public sealed class GetEventSigningsHandler(IAppDbContext db) : IQueryHandler<GetEventSignings, EventSignings>
{
    public async ValueTask<EventSignings> Handle(GetEventSignings query, CancellationToken cancellationToken)
    {
        var promotion = await db.Events.AsNoTracking()
            .Where(e => e.Id == query.EventId)
            .Select(e => new { e.StartsOn, e.AnnouncedProjects, e.AnnouncedInvestmentFen })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Event", query.EventId);

        var signed = db.Projects.AsNoTracking().Where(p => p.EventId == query.EventId);
        var items = await signed
            .OrderBy(p => p.Code)
            .Select(p => new EventSigning(
                p.Id,
                p.Code,
                p.Name,
                p.Stage,
                p.EnterpriseId,
                db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.NameZh).FirstOrDefault(),
                db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.NameEn).FirstOrDefault(),
                p.SectorId,
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameZh).FirstOrDefault(),
                p.ParkId,
                db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameZh).FirstOrDefault(),
                p.PledgedInvestment == null ? null : new MoneyDto(p.PledgedInvestment.MinorUnits, p.PledgedInvestment.Currency),
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameEn).FirstOrDefault(),
                db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameEn).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var sums = await signed
            .Where(p => p.PledgedInvestment != null)
            .GroupBy(p => p.PledgedInvestment!.Currency)
            .Select(g => new { Currency = g.Key, Projects = g.Count(), Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits) })
            .ToListAsync(cancellationToken);

        var rates = await new ExchangeRateTable(db).ForYearAsync(promotion.StartsOn.Year, cancellationToken);
        var byCurrency = sums
            .OrderBy(s => s.Currency, StringComparer.Ordinal)
            .Select(s => new PledgedByCurrency(s.Currency, s.Projects, s.Minor, rates.ToFen(s.Minor, s.Currency)))
            .ToList();

        return new EventSignings(
            query.EventId,
            promotion.AnnouncedProjects,
            promotion.AnnouncedInvestmentFen,
            items.Count,
            byCurrency.Sum(c => c.Fen ?? 0),
            byCurrency,
            [.. byCurrency.Where(c => c.Fen is null).Select(c => c.Currency)],
            items);
    }
}
