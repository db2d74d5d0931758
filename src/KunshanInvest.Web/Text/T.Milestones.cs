using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string Milestones => P("项目节点", "Milestones");
    public static string MilestoneName(MilestoneKind kind) => P(kind.ZhName(), kind switch
    {
        MilestoneKind.Registered => "Registered",
        MilestoneKind.LandSupplied => "Land supplied",
        MilestoneKind.ConstructionStarted => "Construction started",
        MilestoneKind.ProductionStarted => "Production started",
        MilestoneKind.EnteredStatistics => "Entered statistics",
        MilestoneKind.CapacityReached => "Capacity reached",
        _ => kind.ToString(),
    });

    public static string MilestonePlanned => P("计划日期", "Planned");
    public static string MilestoneActual => P("实际日期", "Actual");
    public static string MilestoneNotReached => P("未到达", "Not reached");
    public static string MilestoneEvidence => P("佐证材料", "Evidence");
    public static string MilestoneEvidenceHint => P("施工许可、开工照片、竣工备案、首张发票、达产核查报告等(PDF、Word、Excel、图片,10 MB 以内)", "Permit, start photos, completion filing, first invoice, capacity report… (PDF, Word, Excel, image; up to 10 MB)");
    public static string MilestoneRecord => P("记录节点", "Record a milestone");
    public static string MilestoneKindLabel => P("节点", "Milestone");
    public static string MuUnit => P("亩", "mu");
    public static string MilestoneLandMu => P("供地面积(亩)", "Land supplied (mu)");
    public static string MilestoneCarrier => P("宗地编号或厂房", "Parcel or premises reference");
    public static string MilestonePeriod => P("入库月份(yyyymm)", "Statistics month (yyyymm)");
    public static string MilestoneOverride => P("领导认定达产的原因", "Manager's reason to accept capacity");
    public static string MilestoneOverridden(string reason) => P($"领导认定:{reason}", $"Accepted by a manager: {reason}");
    public static string MilestoneNote => P("备注", "Note");
    public static string MilestoneSaved => P("节点已保存", "Milestone saved");
    public static string MilestoneReadOnly => P("只有项目负责人或领导可以记录节点。", "Only the project's owner or a manager records milestones.");
    public static string MilestoneChooseFile => P("选择文件", "Choose a file");

    public static string StatisticsTypeLabel => P("统计类型(上规标准)", "Statistics type (above-scale threshold)");
    public static string StatisticsTypeName(StatisticsType type) => P(type.ZhName(), type switch
    {
        StatisticsType.Industrial => "Industrial",
        StatisticsType.Wholesale => "Wholesale",
        StatisticsType.Retail => "Retail",
        StatisticsType.AccommodationCatering => "Accommodation & catering",
        StatisticsType.Services => "Services",
        _ => type.ToString(),
    });
}
