using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Carriers;

public enum PremisesKind
{
    /// <summary>标准厂房</summary>
    StandardFactory = 0,

    /// <summary>办公楼层 / 研发楼</summary>
    Office = 1,
}

public enum PremisesStatus
{
    /// <summary>可租: has vacant space to offer.</summary>
    Available = 0,

    /// <summary>已入驻: let to a project (供地 by premises).</summary>
    Occupied = 1,
}

/// <summary>
/// 载体房源: a standard factory or office space in a park — building, area, floor load, floors, rent, vacancy. Reserved
/// for one project at a time; 供地 by premises lets it to the project, after which it is occupied. Admin-maintained.
/// </summary>
public sealed class Premises : AggregateRoot
{
    public const int BuildingMaxLength = 100;
    public const int NoteMaxLength = 1000;
    public const double MaxAreaM2 = 1_000_000;
    public const double MaxFloorLoad = 1_000;
    public const int MaxFloors = 200;

    private Premises() { }

    public Premises(Guid parkId, string building, PremisesKind kind, double areaM2, double vacantM2, double? floorLoadKnPerM2, int floors, long? rentFenPerM2Month, string? note)
    {
        Describe(parkId, building, kind, areaM2, vacantM2, floorLoadKnPerM2, floors, rentFenPerM2Month, note);
        Status = PremisesStatus.Available;
    }

    public Guid ParkId { get; private set; }

    /// <summary>楼栋 (and unit/floor), e.g. "A3 栋 1–2 层".</summary>
    public string Building { get; private set; } = "";

    public PremisesKind Kind { get; private set; }
    public double AreaM2 { get; private set; }
    public double VacantM2 { get; private set; }

    /// <summary>楼面荷载, kN/m².</summary>
    public double? FloorLoadKnPerM2 { get; private set; }

    public int Floors { get; private set; }

    /// <summary>租金, CNY fen per m² per month.</summary>
    public long? RentFenPerM2Month { get; private set; }

    public string? Note { get; private set; }
    public PremisesStatus Status { get; private set; }
    public Guid? ReservedForProjectId { get; private set; }
    public DateTime? ReservedAtUtc { get; private set; }
    public Guid? OccupiedByProjectId { get; private set; }
    public bool IsDemo { get; private set; }

    public void Describe(Guid parkId, string building, PremisesKind kind, double areaM2, double vacantM2, double? floorLoadKnPerM2, int floors, long? rentFenPerM2Month, string? note)
    {
        if (string.IsNullOrWhiteSpace(building))
        {
            throw new DomainRuleException("carrier.building", "Premises need their building.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("carrier.kind", $"Unknown premises kind {(int)kind}.");
        }

        if (!double.IsFinite(areaM2) || areaM2 <= 0 || areaM2 > MaxAreaM2 || !double.IsFinite(vacantM2) || vacantM2 < 0 || vacantM2 > areaM2)
        {
            throw new DomainRuleException("carrier.area", "Premises' area is more than 0 and at most 1,000,000 m², and the vacant part at most all of it.");
        }

        if (floorLoadKnPerM2 is { } load && (!double.IsFinite(load) || load <= 0 || load > MaxFloorLoad) || floors is < 1 or > MaxFloors)
        {
            throw new DomainRuleException("carrier.structure", "Floor load is more than 0 and at most 1,000 kN/m²; floors 1 to 200.");
        }

        if (rentFenPerM2Month is < 0)
        {
            throw new DomainRuleException("carrier.price", "A price cannot be negative.");
        }

        ParkId = parkId;
        Building = building.Trim();
        Kind = kind;
        AreaM2 = areaM2;
        VacantM2 = vacantM2;
        FloorLoadKnPerM2 = floorLoadKnPerM2;
        Floors = floors;
        RentFenPerM2Month = rentFenPerM2Month;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public CarrierEvent Reserve(Guid projectId, Guid byUserId, DateTime nowUtc)
    {
        if (Status != PremisesStatus.Available || VacantM2 <= 0)
        {
            throw new DomainConflictException("carrier.not_available", "The premises are not available.");
        }

        if (ReservedForProjectId is not null && ReservedForProjectId != projectId)
        {
            throw new DomainConflictException("carrier.reserved", "The premises are reserved for another project.");
        }

        ReservedForProjectId = projectId;
        ReservedAtUtc = nowUtc;
        return new CarrierEvent(CarrierKind.Premises, Id, CarrierEventKind.Reserved, projectId, byUserId, nowUtc, null);
    }

    public CarrierEvent Release(Guid byUserId, DateTime nowUtc, string? note)
    {
        var projectId = ReservedForProjectId ?? throw new DomainConflictException("carrier.not_reserved", "The premises are not reserved.");
        ReservedForProjectId = null;
        ReservedAtUtc = null;
        return new CarrierEvent(CarrierKind.Premises, Id, CarrierEventKind.Released, projectId, byUserId, nowUtc, note);
    }

    /// <summary>供地 by premises: let to the project, no longer vacant.</summary>
    public CarrierEvent Supply(Guid projectId, Guid byUserId, DateTime nowUtc)
    {
        if (Status == PremisesStatus.Occupied)
        {
            throw new DomainConflictException("carrier.not_available", "The premises are already occupied.");
        }

        if (ReservedForProjectId is not null && ReservedForProjectId != projectId)
        {
            throw new DomainConflictException("carrier.reserved", "The premises are reserved for another project.");
        }

        Status = PremisesStatus.Occupied;
        OccupiedByProjectId = projectId;
        VacantM2 = 0;
        ReservedForProjectId = null;
        ReservedAtUtc = null;
        return new CarrierEvent(CarrierKind.Premises, Id, CarrierEventKind.Supplied, projectId, byUserId, nowUtc, null);
    }

    public void MarkDemo() => IsDemo = true;
}
