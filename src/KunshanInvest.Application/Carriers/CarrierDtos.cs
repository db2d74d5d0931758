using KunshanInvest.Domain.Carriers;

namespace KunshanInvest.Application.Carriers;

/// <summary>A land parcel (宗地) with its park's and projects' names; the guide price in fen per 亩.</summary>
public sealed record ParcelDto(
    Guid Id,
    string Code,
    Guid ParkId,
    string ParkNameZh,
    string ParkNameEn,
    double AreaMu,
    CarrierUse Use,
    ParcelStatus Status,
    long? GuidePriceFenPerMu,
    string? Note,
    Guid? ReservedForProjectId,
    string? ReservedForProjectName,
    Guid? SuppliedToProjectId,
    string? SuppliedToProjectName,
    bool IsDemo,
    int Version);

/// <summary>Premises (房源) with their park's and projects' names; rent in fen per m² and month.</summary>
public sealed record PremisesDto(
    Guid Id,
    Guid ParkId,
    string ParkNameZh,
    string ParkNameEn,
    string Building,
    PremisesKind Kind,
    double AreaM2,
    double VacantM2,
    double? FloorLoadKnPerM2,
    int Floors,
    long? RentFenPerM2Month,
    string? Note,
    PremisesStatus Status,
    Guid? ReservedForProjectId,
    string? ReservedForProjectName,
    Guid? OccupiedByProjectId,
    string? OccupiedByProjectName,
    bool IsDemo,
    int Version);

/// <summary>One line of a carrier's history, with the project it concerned (if any).</summary>
public sealed record CarrierEventDto(Guid Id, CarrierEventKind Kind, DateTime AtUtc, Guid? ProjectId, string? ProjectCode, string? ProjectName, string? Note);

public sealed record ParcelPage(ParcelDto Parcel, IReadOnlyList<CarrierEventDto> History);

public sealed record PremisesPage(PremisesDto Premises, IReadOnlyList<CarrierEventDto> History);

/// <summary>One page of a register list (offset-paged: admins jump to a page), with the total.</summary>
public sealed record CarrierList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public enum ParcelSort
{
    Code = 0,
    Area = 1,
    Park = 2,
    Status = 3,
    Price = 4,
}

public enum PremisesSort
{
    Building = 0,
    Area = 1,
    Vacant = 2,
    Park = 3,
    Rent = 4,
}

/// <summary>Available land of one park and use: free (not reserved) and reserved 亩 counted apart.</summary>
public sealed record ParcelAvailability(Guid ParkId, string ParkNameZh, string ParkNameEn, CarrierUse Use, int Parcels, double FreeMu, double ReservedMu);

/// <summary>Vacant space of one park and premises kind: free and reserved m² counted apart.</summary>
public sealed record PremisesAvailability(Guid ParkId, string ParkNameZh, string ParkNameEn, PremisesKind Kind, int Premises, double FreeM2, double ReservedM2);

public sealed record CarrierOverview(IReadOnlyList<ParcelAvailability> Land, IReadOnlyList<PremisesAvailability> Space)
{
    public double FreeMu => Land.Sum(l => l.FreeMu);
    public double ReservedMu => Land.Sum(l => l.ReservedMu);
    public double FreeM2 => Space.Sum(s => s.FreeM2);
    public double ReservedM2 => Space.Sum(s => s.ReservedM2);
}
