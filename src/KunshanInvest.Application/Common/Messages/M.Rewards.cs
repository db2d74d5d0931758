namespace KunshanInvest.Application.Common.Messages;

/// <summary>首报奖励: payouts against accrued rewards, and the partner type confirmed at approval.</summary>
public static partial class M
{
    public static readonly Msg PartnerType = new("partner.type", "请确认合作机构类型(它决定奖励比例)。", "Confirm the partner's type (it sets the reward rate).");
    public static readonly Msg PayoutAmount = new("payout.amount", "兑付金额须大于零且不超过1亿元。", "A payout is more than zero and at most CNY 100 million.");
    public static readonly Msg PayoutPeriod = new("payout.period", "兑付所涵盖的月份须从早到晚,且都不能是未来月份。", "The months covered run from one month to a later one, neither in the future.");
    public static readonly Msg PayoutNotProposed = new("payout.not_proposed", "该兑付已审批过。", "This payout has already been approved.");
    public static readonly Msg PayoutNotApproved = new("payout.not_approved", "只有已审批、尚未支付的兑付才能标记为已支付。", "Only an approved, unpaid payout can be marked paid.");
    public static readonly Msg PayoutReference = new("payout.reference", "标记已支付需填写支付凭证号。", "A paid payout needs the payment's reference.");
    public static readonly Msg PayoutNote = new("payout.note", "备注最长 1000 字。", "A note is at most 1,000 characters.");
    public static readonly Msg PayoutOverBalance = new("payout.over_balance", "兑付金额 {amount} 元超过未兑付的已计奖励 {balance} 元。", "The payout of CNY {amount} exceeds the unpaid accrued rewards of CNY {balance}.");
    public static readonly Msg PayoutPartnerNotApproved = new("payout.partner_not_approved", "只能向已审核通过的合作机构兑付。", "Payouts go only to approved partners.");
    public static readonly Msg RewardPartnerUnknown = new("reward.partner", "未找到该合作机构。", "No such partner.");
}
