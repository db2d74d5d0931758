namespace KunshanInvest.Application.Common.Messages;

/// <summary>Milestones (节点), the gates of 供地 and later that read them, and the enterprise's statistics type.</summary>
public static partial class M
{
    public static readonly Msg GateLandMilestone = new("gate.land_secured.milestone", "供地需要已到达的供地节点(供地日期和亩数)。", "Land supply needs the land-supply milestone reached (date and mu).");
    public static readonly Msg GateConstructionMilestone = new("gate.under_construction.milestone", "开工需要已到达的开工节点。", "Construction needs the construction-start milestone reached.");
    public static readonly Msg GateProductionMilestone = new("gate.operating.milestone", "投产需要已到达的投产节点。", "Operation needs the production-start milestone reached.");
    public static readonly Msg GateStatisticsMilestone = new("gate.above_scale.milestone", "上规需要入库节点及其入库月份。", "Above-scale needs the statistics-entry milestone with its month.");
    public static readonly Msg GateCapacityMilestone = new("gate.at_capacity.milestone", "达产需要已到达的达产节点。", "Capacity needs the capacity-reached milestone reached.");
    public static readonly Msg GateCapacityOutput = new("gate.at_capacity.output", "达产需要截至达产月份的12个月内经核实的工业总产值达到协议年产值,或由领导在达产节点上注明原因予以认定。", "Capacity needs verified industrial output over the 12 months to its month at the pledged annual output, or a manager's override with a reason on the milestone.");

    public static readonly Msg MilestoneFuture = new("milestone.future", "{kindZh}节点日期 {date} 尚未到来({kind}),实际日期不能晚于今天。", "The {kind} ({kindZh}) date {date} is in the future: an actual date cannot be after today.");
    public static readonly Msg MilestoneBeforePrevious = new("milestone.before_previous", "{kindZh}日期 {date} 早于{otherZh}日期 {otherDate}({kind}、{other}),节点须按 注册、供地、开工、投产、入库、达产 的顺序。", "The {kind} ({kindZh}) date {date} is before the {other} ({otherZh}) date {otherDate}: milestones follow 注册, 供地, 开工, 投产, 入库, 达产.");
    public static readonly Msg MilestoneAfterNext = new("milestone.after_next", "{kindZh}日期 {date} 晚于{otherZh}日期 {otherDate}({kind}、{other}),节点须按 注册、供地、开工、投产、入库、达产 的顺序。", "The {kind} ({kindZh}) date {date} is after the {other} ({otherZh}) date {otherDate}: milestones follow 注册, 供地, 开工, 投产, 入库, 达产.");
    public static readonly Msg MilestoneOverrideManager = new("milestone.override_manager", "只有领导可以认定达产(填写认定原因)。", "Only a manager may accept capacity by an override with a reason.");
    public static readonly Msg MilestoneCreditCodeRequired = new("milestone.credit_code_required", "注册节点需要项目公司的统一社会信用代码。", "The registration milestone needs the project company's credit code.");
    public static readonly Msg MilestoneLandMuRequired = new("milestone.land_mu_required", "供地节点需要用地面积(亩,大于0)。", "The land-supply milestone needs the land area in mu (more than 0).");
    public static readonly Msg MilestonePeriodRequired = new("milestone.period_required", "入库节点需要入库月份(yyyymm)。", "The statistics-entry milestone needs its month (yyyymm).");
    public static readonly Msg MilestoneFieldNotForKind = new("milestone.field_not_for_kind", "该字段不属于此类节点。", "This field does not belong to this kind of milestone.");
    public static readonly Msg MilestoneNoEvidence = new("milestone.no_evidence", "该节点没有佐证材料。", "This milestone has no evidence file.");
    public static readonly Msg MilestoneEvidenceField = new("milestone.evidence_field", "请用表单字段 milestone 提交节点内容(JSON),佐证材料用字段 file。", "Send the milestone as JSON in the form field 'milestone' and the evidence in the field 'file'.");
    public static readonly Msg EnterpriseStatisticsType = new("enterprise.statistics_type", "未知的企业统计类型。", "Unknown statistics type.");
}
