using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Demo carriers: twelve parcels across the demo parks (some 储备, most 可供 — among them industrial parcels of 40–60 亩 —
/// and two 已出让 to demo projects at 供地 or later, each with its Supplied line) and eight premises, standard factories and
/// office floors, some with vacancy. Matched on 宗地编号 and on park + building, so a second run adds nothing.
/// </summary>
internal static class CarrierSeeder
{
    private sealed record ParcelSeed(string Code, string Park, double Mu, CarrierUse Use, ParcelStatus Status, long? PriceWan, string? Note, string? SuppliedTo = null);

    private sealed record PremisesSeed(string Park, string Building, PremisesKind Kind, double M2, double VacantM2, double? Load, int Floors, long? RentFen, string? Note);

    private static readonly ParcelSeed[] Parcels =
    [
        new("KS2026-G01", "kdz", 52, CarrierUse.Industrial, ParcelStatus.Available, 48, "开发区东部,三通一平,适合电子信息制造。"),
        new("KS2026-G02", "kdz", 45.5, CarrierUse.Industrial, ParcelStatus.Available, 48, "紧邻中环快速路,容积率 1.2–2.0。"),
        new("KS2026-G03", "kdz", 18, CarrierUse.Research, ParcelStatus.Available, 90, null),
        new("KS2026-G04", "kdz", 120, CarrierUse.Industrial, ParcelStatus.Reserve, null, "土地收储中,预计明年挂牌。"),
        new("KS2025-G11", "kdz", 60, CarrierUse.Industrial, ParcelStatus.Sold, 45, "已供地。", "KS-2025-00011"),
        new("KS2026-B01", "bonded-zone", 35, CarrierUse.Industrial, ParcelStatus.Available, 50, "保税区内,适合保税加工与物流。"),
        new("KS2026-B02", "bonded-zone", 22, CarrierUse.Commercial, ParcelStatus.Reserve, null, null),
        new("KS2026-F01", "food-park", 41, CarrierUse.Industrial, ParcelStatus.Available, 46, "食品级排污接管已到位。"),
        new("KS2025-F02", "food-park", 30, CarrierUse.Industrial, ParcelStatus.Sold, 46, "已供地。", "KS-2025-00015"),
        new("KS2026-M01", "medaes-park", 28, CarrierUse.Research, ParcelStatus.Available, 85, "医美产业园二期研发用地。"),
        new("KS2026-Q01", "qingyang-cbd", 15, CarrierUse.Commercial, ParcelStatus.Available, 600, "青阳港核心区商务用地。"),
        new("KS2026-Q02", "qingyang-cbd", 26, CarrierUse.Commercial, ParcelStatus.Reserve, null, null),
    ];

    private static readonly PremisesSeed[] Premises =
    [
        new("kdz", "标准厂房 A3 栋", PremisesKind.StandardFactory, 12000, 4000, 8, 3, 28_00, "一层层高 8 米,带 10 吨行车。"),
        new("kdz", "标准厂房 A5 栋", PremisesKind.StandardFactory, 9000, 0, 8, 3, 28_00, null),
        new("kdz", "科创大厦 12–14 层", PremisesKind.Office, 4500, 1500, 3.5, 3, 55_00, null),
        new("bonded-zone", "保税标准厂房 2 号", PremisesKind.StandardFactory, 15000, 6000, 10, 2, 25_00, "保税监管仓库相邻。"),
        new("food-park", "食品标准厂房 C1", PremisesKind.StandardFactory, 8000, 2400, 12, 2, 26_00, "GMP 洁净改造可协助。"),
        new("medaes-park", "医美研发楼 B 座", PremisesKind.Office, 6000, 2000, 5, 6, 45_00, null),
        new("qingyang-cbd", "青阳港金融中心 20 层", PremisesKind.Office, 2200, 0, 3.5, 1, 90_00, null),
        new("qingyang-cbd", "青阳港金融中心 21 层", PremisesKind.Office, 2200, 2200, 3.5, 1, 90_00, null),
    ];

    public static async Task LoadAsync(AppDbContext db, IReadOnlyDictionary<string, Guid> users, TimeProvider clock, SeedReport report, CancellationToken cancellationToken)
    {
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var codes = Parcels.Select(p => p.Code).ToList();
        var have = await db.LandParcels.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToHashSetAsync(cancellationToken);
        var projectCodes = Parcels.Select(p => p.SuppliedTo).OfType<string>().ToList();
        var projects = await db.Projects.Where(p => projectCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => new { p.Id, p.Stage }, cancellationToken);
        var buildings = await db.Premises.Select(p => new { p.ParkId, p.Building }).ToListAsync(cancellationToken);
        var haveBuildings = buildings.Select(b => (b.ParkId, b.Building)).ToHashSet();
        var admin = users.TryGetValue("admin", out var a) ? a : users.Values.First();
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var seed in Parcels)
        {
            if (!parks.TryGetValue(seed.Park, out var park) || have.Contains(seed.Code))
            {
                report.Count("parcels (demo)", false);
                continue;
            }

            var supplied = seed.SuppliedTo is { } code && projects.TryGetValue(code, out var p) && p.Stage >= ProjectStage.LandSecured ? p.Id : (Guid?)null;
            var status = seed.Status == ParcelStatus.Sold && supplied is null ? ParcelStatus.Available : seed.Status;
            var parcel = new LandParcel(seed.Code, park, seed.Mu, seed.Use, status == ParcelStatus.Sold ? ParcelStatus.Available : status, seed.PriceWan * 1_000_000, seed.Note);
            parcel.MarkDemo();
            db.LandParcels.Add(parcel);
            db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Parcel, parcel.Id, CarrierEventKind.Created, null, admin, now.AddDays(-120), "演示数据"));
            if (status == ParcelStatus.Sold && supplied is { } project)
            {
                db.CarrierEvents.Add(parcel.Reserve(project, admin, now.AddDays(-90)));
                db.CarrierEvents.Add(parcel.Supply(project, admin, now.AddDays(-60)));
            }

            report.Count("parcels (demo)", true);
        }

        foreach (var seed in Premises)
        {
            if (!parks.TryGetValue(seed.Park, out var park) || !haveBuildings.Add((park, seed.Building)))
            {
                report.Count("premises (demo)", false);
                continue;
            }

            var premises = new Premises(park, seed.Building, seed.Kind, seed.M2, seed.VacantM2, seed.Load, seed.Floors, seed.RentFen, seed.Note);
            premises.MarkDemo();
            db.Premises.Add(premises);
            db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Premises, premises.Id, CarrierEventKind.Created, null, admin, now.AddDays(-100), "演示数据"));
            report.Count("premises (demo)", true);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
