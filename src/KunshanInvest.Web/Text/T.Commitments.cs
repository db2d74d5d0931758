using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Web.Text;

/// <summary>Agreement commitments (协议承诺): the project's panel and the managers' overview.</summary>
public static partial class T
{
    public static string Commitments => P("协议承诺", "Commitments");
    public static string CommitmentsOverview => P("协议承诺核查", "Commitment check");
    public static string CommitmentsHint => P("投资协议中的承诺,按核查日期对照已审核实绩与节点:已达成、未到期、未达成。", "The investment agreement's promises, checked at their date against verified figures and milestones: met, due or missed.");
    public static string CommitmentsOverviewHint => P("各项目已过核查日期仍未达成、以及即将到期的协议承诺。", "Commitments past their check date and unmet, and those falling due soon, across projects.");
    public static string NoCommitments => P("尚未录入协议承诺。", "No commitments recorded yet.");
    public static string CommitmentMetricLabel => P("承诺指标", "Metric");
    public static string CommitmentTargetWan => P("承诺目标(万元)", "Target (CNY 10k)");
    public static string CommitmentTargetPerMu => P("承诺目标(万元/亩)", "Target (CNY 10k per mu)");
    public static string CommitmentTarget => P("目标", "Target");
    public static string CommitmentActual => P("实际", "Actual");
    public static string CommitmentCheckOn => P("核查日期", "Check date");
    public static string CommitmentClause => P("协议条款 / 备注", "Clause / note");
    public static string CommitmentState => P("状态", "State");
    public static string AddCommitment => P("添加承诺", "Add commitment");
    public static string SaveCommitment => P("保存承诺", "Save commitment");
    public static string CommitmentSaved => P("协议承诺已保存。", "Commitment saved.");
    public static string CommitmentRemoved => P("协议承诺已删除。", "Commitment removed.");
    public static string ByDate(DateOnly? reached) => reached is { } d ? P($"实际 {d:yyyy-MM-dd}", $"reached {d:yyyy-MM-dd}") : P("尚未达到", "not reached");
    public static string CommitmentsMissedCount(int n) => P($"未达成 {n} 项", $"{n} missed");
    public static string CommitmentsDueSoonCount(int n) => P($"即将到期 {n} 项", $"{n} due soon");
    public static string ViewAttention => P("未达成与即将到期", "Missed and due soon");
    public static string ViewMissed => P("仅未达成", "Missed only");
    public static string ViewDueSoon => P("仅即将到期", "Due soon only");
    public static string DueWithinDays => P("到期天数内", "Due within (days)");
    public static string PageOf(int page, int pages) => P($"第 {page} / {pages} 页", $"Page {page} of {pages}");
    public static string NoCommitmentsToCheck => P("没有需要关注的协议承诺。", "No commitments need attention.");

    public static string CommitmentMetricName(CommitmentMetric metric) => IsEnglish ? metric.EnName() : metric.ZhName();

    public static string CommitmentStateName(CommitmentState state) => state switch
    {
        Domain.Figures.CommitmentState.Met => P("已达成", "Met"),
        Domain.Figures.CommitmentState.Missed => P("未达成", "Missed"),
        _ => P("未到期", "Due"),
    };

    /// <summary>A target or actual in its unit: 万元, 万元/亩.</summary>
    public static string CommitmentAmount(CommitmentMetric metric, long? value) => value is not { } v
        ? "—"
        : metric == CommitmentMetric.TaxPerMu
            ? P($"{Amounts.MinorToWan(v):N2} 万元/亩", $"CNY {v / 100m:N0} per mu")
            : Amounts.Cny(v);
}
