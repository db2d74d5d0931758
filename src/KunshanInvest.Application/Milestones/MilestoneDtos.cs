using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Milestones;

/// <summary>One milestone of a project; a kind never recorded comes back with nothing but its kind.</summary>
/// <param name="LandParcelId">供地: the parcel supplied (page: /carriers/parcels/{id}).</param>
/// <param name="PremisesId">供地: the premises let (page: /carriers/premises/{id}).</param>
/// <param name="NoCarrierReason">供地 without a carrier of the register: the manager's reason.</param>
/// <param name="HasEvidence">Whether a file proves it (download: <c>GET …/milestones/{kind}/evidence</c>).</param>
public sealed record MilestoneDto(
    MilestoneKind Kind,
    bool IsRecorded,
    bool IsReached,
    DateOnly? PlannedOn,
    DateOnly? ActualOn,
    string? CreditCode,
    double? LandMu,
    string? CarrierReference,
    int? StatisticsPeriod,
    string? OverrideReason,
    string? Note,
    bool HasEvidence,
    string? EvidenceFileName,
    long? EvidenceSizeBytes,
    DateTime? RecordedAtUtc,
    Guid? LandParcelId = null,
    Guid? PremisesId = null,
    string? NoCarrierReason = null)
{
    public static MilestoneDto Empty(MilestoneKind kind) => new(kind, false, false, null, null, null, null, null, null, null, null, false, null, null, null);

    public static MilestoneDto From(ProjectMilestone m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Kind, true, m.IsReached, m.PlannedOn, m.ActualOn, m.CreditCode, m.LandMu, m.CarrierReference, m.StatisticsPeriod,
            m.OverrideReason, m.Note, m.EvidenceStoredName is not null, m.EvidenceFileName, m.EvidenceSizeBytes, m.RecordedAtUtc,
            m.LandParcelId, m.PremisesId, m.NoCarrierReason);
    }
}

/// <summary>The six milestones of a project in order, and whether the reader may record them (owner or manager).</summary>
public sealed record ProjectMilestones(Guid ProjectId, ProjectStage Stage, bool CanEdit, bool CanOverride, IReadOnlyList<MilestoneDto> Milestones);
