using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Sectors.GetSectorOverview;

/// <summary>Each sector with its live projects and the investment pledged at signing, in CNY fen.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetSectorOverview : IQuery<SectorOverview>;

public sealed record SectorOverview(IReadOnlyList<SectorOverviewRow> Sectors, long TotalPledgedFen, IReadOnlyList<string> UnconvertedCurrencies);

public sealed record SectorOverviewRow(Guid Id, string Code, string NameZh, string NameEn, bool IsActive, int ProjectCount, int SignedCount, long PledgedFen);

public sealed class GetSectorOverviewHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetSectorOverview, SectorOverview>
{
    public async ValueTask<SectorOverview> Handle(GetSectorOverview query, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new { s.Id, s.Code, s.NameZh, s.NameEn, s.IsActive })
            .ToListAsync(cancellationToken);

        var live = db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Lost && p.SectorId != null);

        var counts = await live
            .GroupBy(p => p.SectorId)
            .Select(g => new { SectorId = g.Key, Count = g.Count(), Signed = g.Count(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity) })
            .ToDictionaryAsync(x => x.SectorId!.Value, cancellationToken);

        // Summed per sector and currency in SQL; only the (sector × currency) totals are converted here.
        var pledges = await live
            .Where(p => p.PledgedInvestment != null)
            .GroupBy(p => new { p.SectorId, p.PledgedInvestment!.Currency })
            .Select(g => new { g.Key.SectorId, g.Key.Currency, Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits) })
            .ToListAsync(cancellationToken);

        var rates = await new ExchangeRateTable(db).ForYearAsync(clock.BureauToday().Year, cancellationToken);
        var unconverted = new SortedSet<string>(StringComparer.Ordinal);
        var pledgedBySector = new Dictionary<Guid, long>();
        foreach (var pledge in pledges)
        {
            var fen = rates.ToFen(pledge.Minor, pledge.Currency);
            if (fen is null)
            {
                unconverted.Add(pledge.Currency);
                continue;
            }

            pledgedBySector[pledge.SectorId!.Value] = pledgedBySector.GetValueOrDefault(pledge.SectorId.Value) + fen.Value;
        }

        var rows = sectors.Select(s => new SectorOverviewRow(
                s.Id, s.Code, s.NameZh, s.NameEn, s.IsActive,
                counts.TryGetValue(s.Id, out var c) ? c.Count : 0,
                c?.Signed ?? 0,
                pledgedBySector.GetValueOrDefault(s.Id)))
            .ToList();

        return new SectorOverview(rows, rows.Sum(r => r.PledgedFen), [.. unconverted]);
    }
}
