using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Carriers;

public enum CarrierKind
{
    Parcel = 0,
    Premises = 1,
}

public enum CarrierEventKind
{
    Created = 0,
    Updated = 1,
    Imported = 2,
    Reserved = 3,
    Released = 4,
    Supplied = 5,
    StatusChanged = 6,
}

/// <summary>One line of a carrier's history: created, imported, reserved for a project, released, supplied (供地) …</summary>
public sealed class CarrierEvent : Entity
{
    public const int NoteMaxLength = 500;

    private CarrierEvent() { }

    public CarrierEvent(CarrierKind carrierKind, Guid carrierId, CarrierEventKind kind, Guid? projectId, Guid byUserId, DateTime atUtc, string? note)
    {
        CarrierKind = carrierKind;
        CarrierId = carrierId;
        Kind = kind;
        ProjectId = projectId;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public CarrierKind CarrierKind { get; private set; }
    public Guid CarrierId { get; private set; }
    public CarrierEventKind Kind { get; private set; }
    public Guid? ProjectId { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? Note { get; private set; }
}
