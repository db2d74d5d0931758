namespace KunshanInvest.Application.Common.Messages;

/// <summary>Realised figures (实绩) and milestones (节点): what the domain's rules and the handlers say.</summary>
public static partial class M
{
    public static readonly Msg FigureKindUnknown = new("figure.kind", "未知的实绩类型。", "Unknown figure kind.");
    public static readonly Msg FigurePeriod = new("figure.period", "“{period}”不是有效月份(yyyymm,2000年起)。", "'{period}' is not a month (yyyymm, from 2000).");
    public static readonly Msg FigurePeriodFuture = new("figure.period_future", "{period} 尚未开始,不能填报实绩。", "{period} has not begun: figures are for months under way.");
    public static readonly Msg FigureAmount = new("figure.amount", "金额须不小于零且低于10万亿元。", "An amount must be zero or more and below CNY 10 trillion.");
    public static readonly Msg FigureCurrency = new("figure.currency", "金额类实绩须注明币种,其他实绩不带币种。", "A money figure needs its currency; other figures carry none.");
    public static readonly Msg FigureForeignPart = new("figure.foreign_part", "外资部分只属于到位资金,且不能超过到位资金。", "The foreign part belongs to 到位资金 and cannot exceed it.");
    public static readonly Msg FigureNotPending = new("figure.not_pending", "该实绩已审核过。", "This figure has already been checked.");
    public static readonly Msg FigureOwnEntry = new("figure.own_entry", "填报人不能审核自己填报的实绩。", "The person who entered a figure cannot verify it.");
    public static readonly Msg FigureRejectReason = new("figure.reject_reason", "退回实绩需要说明原因。", "Rejecting a figure needs a reason.");
    public static readonly Msg FigureAlreadySuperseded = new("figure.already_superseded", "该实绩已被更正或退回,请更正当前有效的一条。", "This entry has already been superseded or rejected; correct the current one.");
    public static readonly Msg MilestoneKindUnknown = new("milestone.kind", "未知的节点类型。", "Unknown milestone kind.");
}
