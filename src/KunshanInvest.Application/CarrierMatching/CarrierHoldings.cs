using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Carriers;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.CarrierMatching;

/// <summary>What a project holds of the register: one statement for parcels, one for premises.</summary>
internal static class CarrierHoldings
{
    public static async Task<(CarrierHeld? Reservation, CarrierHeld? Supplied)> OfAsync(IAppDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        var parcels = await (
            from p in db.LandParcels.AsNoTracking()
            where p.ReservedForProjectId == projectId || p.SuppliedToProjectId == projectId
            join k in db.Parks on p.ParkId equals k.Id
            select new { p.Id, p.Code, k.NameZh, k.NameEn, p.AreaMu, p.ReservedForProjectId, p.ReservedAtUtc }).ToListAsync(cancellationToken);
        var premises = await (
            from p in db.Premises.AsNoTracking()
            where p.ReservedForProjectId == projectId || p.OccupiedByProjectId == projectId
            join k in db.Parks on p.ParkId equals k.Id
            select new { p.Id, p.Building, k.NameZh, k.NameEn, p.AreaM2, p.ReservedForProjectId, p.ReservedAtUtc }).ToListAsync(cancellationToken);

        var held = parcels
            .Select(p => (Reserved: p.ReservedForProjectId == projectId, Held: new CarrierHeld(CarrierKind.Parcel, p.Id, p.Code, p.NameZh, p.NameEn, p.AreaMu, p.ReservedAtUtc)))
            .Concat(premises.Select(p => (Reserved: p.ReservedForProjectId == projectId, Held: new CarrierHeld(CarrierKind.Premises, p.Id, p.Building, p.NameZh, p.NameEn, p.AreaM2, p.ReservedAtUtc))))
            .ToList();
        return (held.FirstOrDefault(h => h.Reserved).Held, held.FirstOrDefault(h => !h.Reserved).Held);
    }
}
