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

    public void AttachEvidence(string fileName, string storedName, string contentType, long sizeBytes)
    {
        EvidenceFileName = fileName;
        EvidenceStoredName = storedName;
        EvidenceContentType = contentType;
        EvidenceSizeBytes = sizeBytes;
    }

    public void MarkDemo() => IsDemo = true;
}
