using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Application.Commitments;

/// <summary>
/// One commitment as it stands today: <see cref="Target"/> and <see cref="Actual"/> in the metric's unit (CNY fen, or fen
/// per 亩 for tax per 亩; null for the date metrics, whose promise is <see cref="CheckOn"/> and whose milestone date is
/// <see cref="ReachedOn"/>).
/// </summary>
public sealed record CommitmentDto(
    Guid Id,
    Guid ProjectId,
    CommitmentMetric Metric,
    long? Target,
    DateOnly CheckOn,
    string? Clause,
    CommitmentState State,
    long? Actual,
    DateOnly? ReachedOn,
    double? LandMu,
    int Version,
    DateTime? MissedFlaggedAtUtc);

/// <summary>A commitment of the overview, with its project, owner and sector.</summary>
public sealed record CommitmentOverviewItem(
    CommitmentDto Commitment,
    string ProjectCode,
    string ProjectName,
    Guid OwnerId,
    string? OwnerName,
    Guid? SectorId,
    string? SectorNameZh,
    string? SectorNameEn);

/// <summary>Which commitments the overview shows.</summary>
public enum CommitmentView
{
    /// <summary>Missed ones and those due within the window.</summary>
    Attention = 0,
    Missed = 1,
    DueSoon = 2,
}

/// <summary>One page of the overview (1-based), with the total and the counts of missed and due-soon across all pages.</summary>
public sealed record CommitmentOverview(IReadOnlyList<CommitmentOverviewItem> Items, int Total, int Page, int PageSize, int Missed, int DueSoon);
