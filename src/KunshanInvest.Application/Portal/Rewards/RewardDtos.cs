using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>
/// One accrual: a verified 到位资金 (CNY fen) or 实际使用外资 (US cents) entry of an attributed project and the reward it
/// earns. <see cref="BaseFen"/> and <see cref="RewardFen"/> are null when the period's year has no USD rate (named, not
/// dropped). A partner's own view carries no partner or project code.
/// </summary>
public sealed record RewardAccrual(
    Guid FigureEntryId,
    Guid AttributionId,
    Guid? PartnerId,
    string? PartnerName,
    string? ProjectCode,
    string EnterpriseName,
    FigureKind Kind,
    int Period,
    long Value,
    long? BaseFen,
    long RatePpm,
    long? RewardFen,
    DateTime? VerifiedAtUtc);

public sealed record RewardPayoutDto(
    Guid Id,
    Guid? PartnerId,
    string? PartnerName,
    long AmountFen,
    int PeriodFrom,
    int PeriodTo,
    PayoutStatus Status,
    DateTime RequestedAtUtc,
    DateTime? ApprovedAtUtc,
    DateTime? PaidAtUtc,
    string? Reference,
    string? Note,
    int Version);

/// <summary>
/// A partner's account: accrued rewards, payouts by status, and what is still unpaid (accrued − approved − paid), the
/// ceiling for a new approval. <see cref="MissingRates"/> counts accruals waiting for a year's USD rate.
/// </summary>
public sealed record RewardBalance(
    Guid? PartnerId,
    string? PartnerName,
    PartnerType Type,
    long RatePpm,
    long AccruedFen,
    long ProposedFen,
    long ApprovedFen,
    long PaidFen,
    long UnpaidFen,
    int MissingRates);

public sealed record RewardLedgerView(IReadOnlyList<RewardBalance> Balances, IReadOnlyList<RewardAccrual> Accruals, IReadOnlyList<RewardPayoutDto> Payouts);
