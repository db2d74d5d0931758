using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Projects;

/// <summary>An amount in minor units (fen for CNY) and its ISO 4217 currency.</summary>
public sealed record MoneyDto(long MinorUnits, string Currency)
{
    public static MoneyDto? From(Money? money) => money is null ? null : new(money.MinorUnits, money.Currency);

    public Money ToMoney() => new(MinorUnits, Currency);
}

public sealed record ProjectListItem(
    Guid Id,
    string Code,
    string Name,
    ProjectStage Stage,
    Guid? EnterpriseId,
    string? EnterpriseNameZh,
    string? EnterpriseNameEn,
    Guid? SectorId,
    string? SectorCode,
    string? SectorNameZh,
    Guid? ParkId,
    string? ParkNameZh,
    SourceChannel Source,
    Guid OwnerId,
    string? OwnerName,
    MoneyDto? EstimatedInvestment,
    MoneyDto? PledgedInvestment,
    bool IsMajor,
    bool IsStalled,
    DateTime StageEnteredAtUtc,
    DateTime LastActivityAtUtc,
    DateOnly? NextFollowUpOn,
    DateTime CreatedAtUtc,
    string? SectorNameEn = null,
    string? ParkNameEn = null,
    int EscalationLevel = 0,
    DateTime? StaleSinceUtc = null);

public sealed record StageChangeDto(ProjectStage? From, ProjectStage To, DateTime AtUtc, Guid? ByUserId, string? ByName, string? Note, bool IsJump, bool IsBackward);

public sealed record MissingEvidenceDto(string Field, string Message);

/// <summary>What moving to <see cref="Stage"/> would still need (empty: the gate is met).</summary>
public sealed record StageGap(ProjectStage Stage, IReadOnlyList<MissingEvidenceDto> Missing);

public sealed record PledgeDto(MoneyDto? Investment, long? ForeignCapitalUsdCents, int? Jobs, long? AnnualTaxFen, long? AnnualOutputFen, double? LandMu);

/// <summary>
/// What a project has realised, from verified figure entries only: cumulative 到位资金 (fen) and 实际使用外资 (US cents),
/// <see cref="Year"/>'s tax, output and 主营业务收入 (fen), and the latest verified headcount.
/// </summary>
public sealed record RealisedDto(long? FundsInPlaceFen, int? Jobs, long? AnnualTaxFen, long? AnnualOutputFen, long? ForeignCapitalUsdCents = null, long? RevenueFen = null, int? Year = null);

public sealed record ProjectDetail(
    Guid Id,
    string Code,
    string Name,
    ProjectStage Stage,
    ProjectStage? StageBeforeSideState,
    string? LostReason,
    DateTime StageEnteredAtUtc,
    bool IsStalled,
    StalledKind? StalledKind,
    Guid? EnterpriseId,
    string? EnterpriseNameZh,
    string? EnterpriseNameEn,
    Guid? SectorId,
    string? SectorNameZh,
    string? SectorNameEn,
    Guid? ParkId,
    string? ParkNameZh,
    string? ParkNameEn,
    Guid? EventId,
    string? EventNameZh,
    Guid? ExpansionOfProjectId,
    string? ExpansionOfCode,
    SourceChannel Source,
    Guid OwnerId,
    string? OwnerName,
    MoneyDto? EstimatedInvestment,
    bool IsMajor,
    string? BlockingIssues,
    DateOnly? NextFollowUpOn,
    DateTime LastActivityAtUtc,
    DateTime CreatedAtUtc,
    PledgeDto Pledged,
    string? ProjectCompanyCreditCode,
    RealisedDto Realised,
    IReadOnlyList<StageChangeDto> StageChanges,
    ProjectStage? NextStage,
    IReadOnlyList<MissingEvidenceDto> NextStageMissing,
    IReadOnlyList<StageGap> Gaps,
    int Version);
