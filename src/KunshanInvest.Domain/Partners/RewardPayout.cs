using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Domain.Partners;

public enum PayoutStatus
{
    /// <summary>Proposed from the unpaid accrued balance; awaits a manager.</summary>
    Proposed = 0,

    /// <summary>A manager approved it: the amount is committed against the balance.</summary>
    Approved = 1,

    /// <summary>The money left the bureau (payment reference recorded).</summary>
    Paid = 2,
}

/// <summary>
/// 首报奖励兑付: a payment to a partner out of its accrued, unpaid rewards for the months it covers. Proposed by a manager
/// or admin, approved by a manager, then marked paid with the payment's reference. Never above the unpaid balance.
/// </summary>
public sealed class RewardPayout : AggregateRoot
{
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 1000;

    /// <summary>CNY 100 million in fen: far above any first-report reward, so a slipped digit is caught.</summary>
    public const long MaxAmountFen = 10_000_000_000;

    private RewardPayout() { }

    public RewardPayout(Guid partnerId, long amountFen, int periodFrom, int periodTo, string? note, Guid requestedById, DateTime nowUtc)
    {
        if (amountFen is <= 0 or > MaxAmountFen)
        {
            throw new DomainRuleException("payout.amount", "A payout is more than zero and at most CNY 100 million.");
        }

        if (!FigurePeriod.IsWellFormed(periodFrom) || !FigurePeriod.IsWellFormed(periodTo) || periodFrom > periodTo || periodTo > FigurePeriod.BureauMonth(nowUtc))
        {
            throw new DomainRuleException("payout.period", "The months covered run from one month to a later one, neither in the future.");
        }

        PartnerId = partnerId;
        AmountFen = amountFen;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RequestedById = requestedById;
        RequestedAtUtc = nowUtc;
        Status = PayoutStatus.Proposed;
    }

    public Guid PartnerId { get; private set; }
    public long AmountFen { get; private set; }

    /// <summary>First month covered (yyyymm).</summary>
    public int PeriodFrom { get; private set; }

    /// <summary>Last month covered (yyyymm).</summary>
    public int PeriodTo { get; private set; }

    public PayoutStatus Status { get; private set; }
    public Guid RequestedById { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public Guid? ApprovedById { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public Guid? PaidById { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }

    /// <summary>The bank's or treasury's payment reference.</summary>
    public string? Reference { get; private set; }

    public string? Note { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>A manager approves; the caller has checked the amount against the unpaid balance.</summary>
    public void Approve(Guid managerId, DateTime nowUtc)
    {
        if (Status != PayoutStatus.Proposed)
        {
            throw new DomainConflictException("payout.not_proposed", "This payout has already been approved.");
        }

        Status = PayoutStatus.Approved;
        ApprovedById = managerId;
        ApprovedAtUtc = nowUtc;
    }

    public void MarkPaid(string reference, Guid byId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("payout.reference", "A paid payout needs the payment's reference.");
        }

        if (Status != PayoutStatus.Approved)
        {
            throw new DomainConflictException("payout.not_approved", "Only an approved, unpaid payout can be marked paid.");
        }

        Status = PayoutStatus.Paid;
        Reference = reference.Trim();
        PaidById = byId;
        PaidAtUtc = nowUtc;
    }

    public void MarkDemo() => IsDemo = true;
}
