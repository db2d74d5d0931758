using System.Globalization;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Web.Text;

/// <summary>首报奖励: accruals, payouts and the partner type confirmed at approval.</summary>
public static partial class T
{
    public static string Rewards => P("首报奖励", "First-report rewards");
    public static string MyRewards => P("我的奖励", "My rewards");
    public static string ConfirmPartnerType => P("确认类型", "Confirm type");
    public static string TypeSuggested => P("(注册时自选,待确认)", "(chosen at registration, unconfirmed)");
    public static string RewardBalances => P("奖励余额", "Balances");
    public static string RewardAccruals => P("已计奖励明细", "Accruals");
    public static string RewardPayouts => P("兑付记录", "Payouts");
    public static string RewardAccrued => P("已计奖励", "Accrued");
    public static string RewardProposed => P("待审批", "Proposed");
    public static string RewardApproved => P("已审批", "Approved");
    public static string RewardPaid => P("已支付", "Paid");
    public static string RewardUnpaid => P("未兑付", "Unpaid");
    public static string RewardMissingRates => P("缺汇率", "Missing rates");
    public static string RewardFigure => P("实绩", "Figure");
    public static string RewardMonth => P("月份", "Month");
    public static string RewardBase => P("基数", "Base");
    public static string RewardVerifiedAt => P("审核时间", "Verified");
    public static string RewardAmount => P("金额", "Amount");
    public static string RewardPeriodCovered => P("涵盖月份", "Months covered");
    public static string PayoutFrom => P("起始月(yyyymm)", "From (yyyymm)");
    public static string PayoutTo => P("截止月(yyyymm)", "To (yyyymm)");
    public static string PayoutAmountYuan => P("金额(元)", "Amount (CNY)");
    public static string PaymentReference => P("支付凭证号", "Payment reference");
    public static string ProposePayout => P("申请兑付", "Propose payout");
    public static string ApprovePayout => P("审批", "Approve");
    public static string MarkPayoutPaid => P("标记已支付", "Mark paid");
    public static string ExportRewardsXlsx => P("导出 Excel", "Export to Excel");
    public static string NoRewards => P("暂无已计奖励。", "No rewards accrued yet.");
    public static string NoPayouts => P("暂无兑付。", "No payouts yet.");
    public static string RewardsExplained => P("奖励按已审核的到位资金和实际使用外资逐笔计提,比例取决于机构类型;签约后首报不再失效。",
        "Rewards accrue on each verified entry of funds in place and of foreign capital actually used, at the rate of the partner's type; after signing, a first report no longer lapses.");
    public static string RewardRateMissing => P("缺该年美元汇率", "no USD rate for the year");

    public static string PayoutStatusName(PayoutStatus status) => status switch
    {
        PayoutStatus.Proposed => P("待审批", "Proposed"),
        PayoutStatus.Approved => P("已审批", "Approved"),
        _ => P("已支付", "Paid"),
    };

    public static string RewardFigureKind(FigureKind kind) => kind switch
    {
        FigureKind.FundsInPlace => P("到位资金", "Funds in place"),
        FigureKind.ForeignCapitalUsed => P("实际使用外资", "Foreign capital used"),
        _ => P(kind.ZhName(), kind.ToString()),
    };

    /// <summary>A reward to the fen: rewards are tens of thousands of yuan, too small for 万元 rounding.</summary>
    public static string RewardYuan(long fen) => P(string.Create(CultureInfo.InvariantCulture, $"{fen / 100m:N2} 元"), string.Create(CultureInfo.InvariantCulture, $"CNY {fen / 100m:N2}"));

    public static string RewardPermille(long ppm) => (ppm / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "‰";

    public static string RewardPeriod(int period) => FigurePeriod.Format(period);
}
