using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Carriers;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers;

/// <summary>The register's projections, written once: each a single statement (names by correlated subqueries).</summary>
internal static class CarrierReads
{
    public static IQueryable<ParcelDto> Parcels(IAppDbContext db, IQueryable<LandParcel> parcels) =>
        parcels.Select(p => new ParcelDto(
            p.Id,
            p.Code,
            p.ParkId,
            db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameZh).FirstOrDefault() ?? "",
            db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameEn).FirstOrDefault() ?? "",
            p.AreaMu,
            p.Use,
            p.Status,
            p.GuidePriceFenPerMu,
            p.Note,
            p.ReservedForProjectId,
            db.Projects.Where(j => j.Id == p.ReservedForProjectId).Select(j => j.Name).FirstOrDefault(),
            p.SuppliedToProjectId,
            db.Projects.Where(j => j.Id == p.SuppliedToProjectId).Select(j => j.Name).FirstOrDefault(),
            p.IsDemo,
            p.Version));

    public static IQueryable<PremisesDto> Premises(IAppDbContext db, IQueryable<Premises> premises) =>
        premises.Select(p => new PremisesDto(
            p.Id,
            p.ParkId,
            db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameZh).FirstOrDefault() ?? "",
            db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.NameEn).FirstOrDefault() ?? "",
            p.Building,
            p.Kind,
            p.AreaM2,
            p.VacantM2,
            p.FloorLoadKnPerM2,
            p.Floors,
            p.RentFenPerM2Month,
            p.Note,
            p.Status,
            p.ReservedForProjectId,
            db.Projects.Where(j => j.Id == p.ReservedForProjectId).Select(j => j.Name).FirstOrDefault(),
            p.OccupiedByProjectId,
            db.Projects.Where(j => j.Id == p.OccupiedByProjectId).Select(j => j.Name).FirstOrDefault(),
            p.IsDemo,
            p.Version));

    public static Task<ParcelDto?> ParcelAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        Parcels(db, db.LandParcels.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public static Task<PremisesDto?> PremisesAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        Premises(db, db.Premises.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A carrier's history, newest first, with project codes and names: one statement (a left join).</summary>
    public static Task<List<CarrierEventDto>> HistoryAsync(IAppDbContext db, CarrierKind kind, Guid id, CancellationToken cancellationToken) =>
        (from e in db.CarrierEvents.AsNoTracking()
         where e.CarrierKind == kind && e.CarrierId == id
         join p in db.Projects on e.ProjectId equals p.Id into projects
         from p in projects.DefaultIfEmpty()
         orderby e.AtUtc descending, e.Id descending
         select new CarrierEventDto(e.Id, e.Kind, e.AtUtc, e.ProjectId, p == null ? null : p.Code, p == null ? null : p.Name, e.Note))
        .ToListAsync(cancellationToken);
}
