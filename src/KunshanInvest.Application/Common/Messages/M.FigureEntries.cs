namespace KunshanInvest.Application.Common.Messages;

/// <summary>Figure entries (实绩填报): recording, correcting and checking a month's realised figure.</summary>
public static partial class M
{
    public static readonly Msg FigureRateMissing = new("figure.rate_missing", "{year} 年没有 {currency} 的汇率,请管理员先维护该年汇率。", "There is no {currency} rate for {year}: an administrator must set that year's rate first.");
    public static readonly Msg FigureCorrectionOpen = new("figure.correction_open", "该实绩已有一条待审核的更正,请先审核或退回它。", "This entry already has a correction awaiting verification; verify or reject it first.");
    public static readonly Msg FigureNoEvidence = new("figure.no_evidence", "该实绩没有附证明材料。", "This entry has no evidence attached.");
    public static readonly Msg FigureEvidenceType = new("figure.evidence_type", "上传证明材料时请选择材料类型。", "Choose the evidence type when attaching a file.");
    public static readonly Msg FigureCurrencyNeeded = new("figure.currency_needed", "金额类实绩须注明币种(三位字母,如 CNY、USD)。", "A money figure needs its currency (three letters, e.g. CNY or USD).");
    public static readonly Msg FigureNoCurrency = new("figure.no_currency", "人数和能耗不带币种。", "Headcount and energy carry no currency.");
    public static readonly Msg FigureForeignPartOnly = new("figure.foreign_part_only", "只有到位资金可以填写外资部分,且不能超过金额。", "Only 到位资金 has a foreign part, and it cannot exceed the amount.");
    public static readonly Msg FigurePeriodFormat = new("figure.period_format", "月份须为 yyyymm(2000年起),例如 202608。", "The month must be yyyymm (from 2000), e.g. 202608.");
    public static readonly Msg FigureVersionStale = new("figure.version_stale", "该实绩在你打开后已被他人修改,请刷新后重试。", "This entry changed since you opened it; reload and try again.");
}
