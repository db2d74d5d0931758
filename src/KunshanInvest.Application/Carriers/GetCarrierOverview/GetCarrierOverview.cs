using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.GetCarrierOverview;

/// <summary>
/// 载体总览: available land (parcels 可供; free and reserved 亩 apart) by park and use, and vacant space (available
/// premises' vacant m²; free and reserved apart) by park and kind — each one GROUP BY in SQL, three statements with the
/// parks' names.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetCarrierOverview : IQuery<CarrierOverview>;

public sealed class GetCarrierOverviewHandler(IAppDbContext db) : IQueryHandler<GetCarrierOverview, CarrierOverview>
{
    public async ValueTask<CarrierOverview> Handle(GetCarrierOverview query, CancellationToken cancellationToken)
    {
        var land = await db.LandParcels.AsNoTracking()
            .Where(p => p.Status == ParcelStatus.Available)
            .GroupBy(p => new { p.ParkId, p.Use })
            .Select(g => new
            {
                g.Key.ParkId,
                g.Key.Use,
                Count = g.Count(),
                Free = g.Sum(p => p.ReservedForProjectId == null ? p.AreaMu : 0d),
                Reserved = g.Sum(p => p.ReservedForProjectId != null ? p.AreaMu : 0d),
            })
            .ToListAsync(cancellationToken);
        var space = await db.Premises.AsNoTracking()
            .Where(p => p.Status == PremisesStatus.Available && p.VacantM2 > 0)
            .GroupBy(p => new { p.ParkId, p.Kind })
            .Select(g => new
            {
                g.Key.ParkId,
                g.Key.Kind,
                Count = g.Count(),
                Free = g.Sum(p => p.ReservedForProjectId == null ? p.VacantM2 : 0d),
                Reserved = g.Sum(p => p.ReservedForProjectId != null ? p.VacantM2 : 0d),
            })
            .ToListAsync(cancellationToken);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.NameZh, p.NameEn }).ToListAsync(cancellationToken);
        var order = parks.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var byId = parks.ToDictionary(p => p.Id);

        return new CarrierOverview(
            [.. land.OrderBy(l => order.GetValueOrDefault(l.ParkId)).ThenBy(l => l.Use)
                .Select(l => new ParcelAvailability(l.ParkId, byId[l.ParkId].NameZh, byId[l.ParkId].NameEn, l.Use, l.Count, l.Free, l.Reserved))],
            [.. space.OrderBy(s => order.GetValueOrDefault(s.ParkId)).ThenBy(s => s.Kind)
                .Select(s => new PremisesAvailability(s.ParkId, byId[s.ParkId].NameZh, byId[s.ParkId].NameEn, s.Kind, s.Count, s.Free, s.Reserved))]);
    }
}
