using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>What happened after signing, in order (DOMAIN.md). Numbered for SQL; never renumber.</summary>
public enum MilestoneKind
{
    /// <summary>注册: the project company registered, with its credit code.</summary>
    Registered = 0,

    /// <summary>供地: land supplied (date, 亩, parcel or premises reference).</summary>
    LandSupplied = 1,

    /// <summary>开工: first ground-breaking of permanent works.</summary>
    ConstructionStarted = 2,

    /// <summary>投产: works accepted, production begun.</summary>
    ProductionStarted = 3,

    /// <summary>入库: the month the enterprise entered the statistics register (上规).</summary>
    EnteredStatistics = 4,

    /// <summary>达产: the agreement's capacity reached.</summary>
    CapacityReached = 5,
}

/// <summary>
/// 节点: one milestone of a project with its planned and actual date and evidence. One per kind per project; the
/// gates of 开工/投产/上规/达产 read them (<see cref="StageGates"/>).
/// </summary>
public sealed class ProjectMilestone : AggregateRoot
{
    public const int ReferenceMaxLength = 100;
    public const int TextMaxLength = 1000;
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 80;
    public const int ContentTypeMaxLength = 100;

    private ProjectMilestone() { }

    public ProjectMilestone(Guid projectId, MilestoneKind kind, Guid recordedById, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("milestone.kind", $"Unknown milestone kind {(int)kind}.");
        }

        ProjectId = projectId;
        Kind = kind;
        RecordedById = recordedById;
        RecordedAtUtc = nowUtc;
    }

    public Guid ProjectId { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public DateOnly? PlannedOn { get; private set; }
    public DateOnly? ActualOn { get; private set; }

    /// <summary>注册: the project company's credit code.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>供地: land in 亩.</summary>
    public double? LandMu { get; private set; }

    /// <summary>供地: the parcel (宗地编号) or premises reference.</summary>
    public string? CarrierReference { get; private set; }

    /// <summary>供地: the land parcel supplied (宗地), when the carrier is a parcel of the register.</summary>
    public Guid? LandParcelId { get; private set; }

    /// <summary>供地: the premises let (标准厂房 / 办公), when the carrier is premises of the register.</summary>
    public Guid? PremisesId { get; private set; }

    /// <summary>供地 without a carrier of the register: the manager's reason (e.g. the land came from the enterprise's own site).</summary>
    public string? NoCarrierReason { get; private set; }
    public Guid? NoCarrierById { get; private set; }

    /// <summary>入库: the statistics month, yyyymm.</summary>
    public int? StatisticsPeriod { get; private set; }

    /// <summary>达产 without the output: the manager's reason for accepting it anyway.</summary>
    public string? OverrideReason { get; private set; }
    public Guid? OverrideById { get; private set; }

    public string? Note { get; private set; }
    public string? EvidenceFileName { get; private set; }
    public string? EvidenceStoredName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public long? EvidenceSizeBytes { get; private set; }

    public Guid RecordedById { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public bool IsDemo { get; private set; }

    public bool IsReached => ActualOn is not null;

    public void Plan(DateOnly? on) => PlannedOn = on;

    public void Reach(DateOnly? on, Guid byUserId, DateTime nowUtc)
    {
        ActualOn = on;
        RecordedById = byUserId;
        RecordedAtUtc = nowUtc;
    }

    public void Describe(string? creditCode, double? landMu, string? carrierReference, int? statisticsPeriod, string? note)
    {
        CreditCode = string.IsNullOrWhiteSpace(creditCode) ? null : creditCode.Trim();
        LandMu = landMu;
        CarrierReference = string.IsNullOrWhiteSpace(carrierReference) ? null : carrierReference.Trim();
        StatisticsPeriod = statisticsPeriod;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void Override(string? reason, Guid? managerId)
    {
        OverrideReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        OverrideById = OverrideReason is null ? null : managerId;
    }

    /// <summary>供地's carrier: a parcel or premises of the register (one of them), clearing any no-carrier reason.</summary>
    public void LinkCarrier(Guid? landParcelId, Guid? premisesId)
    {
        if (Kind != MilestoneKind.LandSupplied || (landParcelId is null) == (premisesId is null))
        {
            throw new DomainRuleException("matching.one_carrier", "供地 links one parcel or one premises.");
        }

        LandParcelId = landParcelId;
        PremisesId = premisesId;
        NoCarrierReason = null;
        NoCarrierById = null;
    }

    /// <summary>供地 with no carrier of the register, on a manager's word.</summary>
    public void SupplyWithoutCarrier(string reason, Guid managerId)
    {
        if (Kind != MilestoneKind.LandSupplied || string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("matching.carrier_required", "供地 needs its parcel or premises, or a manager's reason.");
        }

        LandParcelId = null;
        PremisesId = null;
        NoCarrierReason = reason.Trim();
        NoCarrierById = managerId;
    }

    public bool HasCarrier => LandParcelId is not null || PremisesId is not null;

    public void AttachEvidence(string fileName, string storedName, string contentType, long sizeBytes)
    {
        EvidenceFileName = fileName;
        EvidenceStoredName = storedName;
        EvidenceContentType = contentType;
        EvidenceSizeBytes = sizeBytes;
    }

    public void MarkDemo() => IsDemo = true;
}
