using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Carriers;

/// <summary>用途: what a parcel (or premises) may be used for.</summary>
public enum CarrierUse
{
    /// <summary>工业</summary>
    Industrial = 0,

    /// <summary>研发</summary>
    Research = 1,

    /// <summary>商业</summary>
    Commercial = 2,
}

public enum ParcelStatus
{
    /// <summary>储备: held in the land bank, not yet offered.</summary>
    Reserve = 0,

    /// <summary>可供: can be offered to a project.</summary>
    Available = 1,

    /// <summary>已出让: sold to (supplied to) a project.</summary>
    Sold = 2,
}

/// <summary>
/// 宗地: a land parcel of the zone's land bank. One project at a time may hold a reservation on an available parcel
/// (<see cref="ReservedForProjectId"/>); 供地 supplies it to a project, after which it is 已出让. Admin-maintained.
/// </summary>
public sealed class LandParcel : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NoteMaxLength = 1000;

    /// <summary>The largest parcel the register takes: beyond any single industrial parcel (about 67 km²).</summary>
    public const double MaxAreaMu = 100_000;

    private LandParcel() { }

    public LandParcel(string code, Guid parkId, double areaMu, CarrierUse use, ParcelStatus status, long? guidePriceFenPerMu, string? note)
    {
        Recode(code);
        Describe(parkId, areaMu, use, guidePriceFenPerMu, note);
        SetStatus(status);
    }

    /// <summary>宗地编号.</summary>
    public string Code { get; private set; } = "";

    public Guid ParkId { get; private set; }
    public double AreaMu { get; private set; }
    public CarrierUse Use { get; private set; }
    public ParcelStatus Status { get; private set; }

    /// <summary>指导价, CNY fen per 亩.</summary>
    public long? GuidePriceFenPerMu { get; private set; }

    public string? Note { get; private set; }

    public Guid? ReservedForProjectId { get; private set; }
    public DateTime? ReservedAtUtc { get; private set; }

    /// <summary>The project the parcel was supplied to (供地).</summary>
    public Guid? SuppliedToProjectId { get; private set; }

    public bool IsDemo { get; private set; }

    public void Describe(Guid parkId, double areaMu, CarrierUse use, long? guidePriceFenPerMu, string? note)
    {
        if (!double.IsFinite(areaMu) || areaMu <= 0 || areaMu > MaxAreaMu)
        {
            throw new DomainRuleException("carrier.area", "A parcel's area is more than 0 and at most 100,000 亩.");
        }

        if (!Enum.IsDefined(use))
        {
            throw new DomainRuleException("carrier.use", $"Unknown land use {(int)use}.");
        }

        if (guidePriceFenPerMu is < 0)
        {
            throw new DomainRuleException("carrier.price", "A price cannot be negative.");
        }

        ParkId = parkId;
        AreaMu = areaMu;
        Use = use;
        GuidePriceFenPerMu = guidePriceFenPerMu;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>The register's status, as an admin sets it (a sold parcel stays sold; releasing a reservation is separate).</summary>
    public void SetStatus(ParcelStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("carrier.status", $"Unknown parcel status {(int)status}.");
        }

        if (Status == ParcelStatus.Sold && status != ParcelStatus.Sold && SuppliedToProjectId is not null)
        {
            throw new DomainConflictException("carrier.sold", "The parcel has been supplied to a project.");
        }

        Status = status;
        if (status != ParcelStatus.Available)
        {
            ReservedForProjectId = null;
            ReservedAtUtc = null;
        }
    }

    /// <summary>Holds an available parcel for a project; a parcel held for another project is a conflict.</summary>
    /// <summary>Corrects the 宗地编号 (uniqueness is the register's rule, checked by the use case and the index).</summary>
    public void Recode(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > CodeMaxLength)
        {
            throw new DomainRuleException("carrier.code", "A parcel needs its code (宗地编号) of at most 40 characters.");
        }

        Code = code.Trim();
    }

    public CarrierEvent Reserve(Guid projectId, Guid byUserId, DateTime nowUtc)
    {
        if (Status != ParcelStatus.Available)
        {
            throw new DomainConflictException("carrier.not_available", "The parcel is not available.");
        }

        if (ReservedForProjectId is not null && ReservedForProjectId != projectId)
        {
            throw new DomainConflictException("carrier.reserved", "The parcel is reserved for another project.");
        }

        ReservedForProjectId = projectId;
        ReservedAtUtc = nowUtc;
        return new CarrierEvent(CarrierKind.Parcel, Id, CarrierEventKind.Reserved, projectId, byUserId, nowUtc, null);
    }

    public CarrierEvent Release(Guid byUserId, DateTime nowUtc, string? note)
    {
        var projectId = ReservedForProjectId ?? throw new DomainConflictException("carrier.not_reserved", "The parcel is not reserved.");
        ReservedForProjectId = null;
        ReservedAtUtc = null;
        return new CarrierEvent(CarrierKind.Parcel, Id, CarrierEventKind.Released, projectId, byUserId, nowUtc, note);
    }

    /// <summary>供地: the parcel goes to the project (its reservation, or free) and is 已出让.</summary>
    public CarrierEvent Supply(Guid projectId, Guid byUserId, DateTime nowUtc)
    {
        if (Status == ParcelStatus.Sold)
        {
            throw new DomainConflictException("carrier.not_available", "The parcel has already been supplied.");
        }

        if (ReservedForProjectId is not null && ReservedForProjectId != projectId)
        {
            throw new DomainConflictException("carrier.reserved", "The parcel is reserved for another project.");
        }

        Status = ParcelStatus.Sold;
        SuppliedToProjectId = projectId;
        ReservedForProjectId = null;
        ReservedAtUtc = null;
        return new CarrierEvent(CarrierKind.Parcel, Id, CarrierEventKind.Supplied, projectId, byUserId, nowUtc, null);
    }

    public void MarkDemo() => IsDemo = true;
}
