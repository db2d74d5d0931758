using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;

namespace KunshanInvest.Web.Text;

/// <summary>项目评审 (ADR 0032).</summary>
public static partial class T
{
    public static string Review => P("项目评审", "Review");
    public static string Reviews => P("项目评审", "Project reviews");
    public static string ReviewsHint => P("签约前的项目评审:待评审的在前,已有结论的在后。", "Reviews before signing: pending first, then decided.");
    public static string ReviewPanelHint => P("洽谈阶段的项目提交评审表,系统按准入门槛自动核查;评审成员发表意见,由领导作出结论。", "A project in negotiation submits its review sheet, checked against the entry thresholds; reviewers give opinions and a manager decides.");
    public static string ReviewRequired => P("重大项目:须经评审通过方可签约", "Major project: a passed review is needed to sign");
    public static string ReviewNotRequired => P("非重大项目:签约无需评审", "Not a major project: signing needs no review");
    public static string ReviewHasPassed => P("评审已通过", "Review passed");
    public static string NoReviews => P("尚未提交评审。", "No review yet.");
    public static string ReviewSheetTitle => P("评审表", "Review sheet");
    public static string ReviseSheet => P("修订评审表(新一轮)", "Revise the sheet (new round)");
    public static string SubmitSheet => P("提交评审", "Submit for review");
    public static string ReviewSubmitted => P("评审表已提交。", "Sheet submitted.");
    public static string ReviewLandUse => P("用地性质", "Land use");
    public static string LandMuLabel => P("用地面积(亩)", "Land (mu)");
    public static string TotalInvestmentWan => P("总投资(万元)", "Total investment (CNY 10k)");
    public static string PromisedTaxWan => P("承诺年税收(万元)", "Promised annual tax (CNY 10k)");
    public static string EnergyTce => P("年综合能耗(吨标准煤)", "Annual energy (tce)");
    public static string EnvironmentalLabel => P("环评类别", "Environmental category");
    public static string JobsLabel => P("就业人数", "Jobs");
    public static string MeetingOn => P("会审日期", "Meeting date");
    public static string IntensityLabel => P("投资强度", "Investment intensity");
    public static string TaxPerMuLabel => P("亩均税收", "Tax per mu");
    public static string WanPerMu(decimal v) => P($"{v:N2} 万元/亩", $"CNY {v:N2} ×10k/mu");
    public static string ThresholdsOf(int year, string use) => P($"{year} 年{use}用地准入门槛", $"{year} entry thresholds for {use} land");
    public static string NoThresholds => P("该用途和年度未配置准入门槛。", "No entry thresholds are configured for this use and year.");
    public static string ThresholdsMet => P("达到全部准入门槛。", "Meets every entry threshold.");
    public static string RoundOf(int round) => P($"第 {round} 轮", $"Round {round}");
    public static string Opinions => P("评审意见", "Opinions");
    public static string NoOpinions => P("尚无评审意见。", "No opinion yet.");
    public static string GiveOpinion => P("发表意见", "Record opinion");
    public static string OpinionLabel => P("意见", "Opinion");
    public static string OpinionComment => P("说明(条件或理由)", "Comment (conditions or reasons)");
    public static string VetoLabel => P("一票否决", "Veto");
    public static string NoVeto => P("无", "None");
    public static string OpinionSaved => P("意见已记录。", "Opinion recorded.");
    public static string Decide => P("作出结论", "Decide");
    public static string OutcomeLabel => P("结论", "Outcome");
    public static string DecisionText => P("条件 / 理由", "Conditions / reasons");
    public static string Decided => P("结论已记录。", "Decision recorded.");
    public static string Pending => P("评审中", "Pending");
    public static string SubmittedBy => P("提交人", "Submitted by");
    public static string DecidedBy => P("决定人", "Decided by");
    public static string ShortfallCount => P("未达门槛", "Shortfalls");
    public static string OpinionCount => P("意见数", "Opinions");
    public static string AllReviews => P("全部", "All");
    public static string PendingReviews => P("待评审", "Pending");
    public static string DecidedReviews => P("已有结论", "Decided");
    public static string SearchProject => P("项目编号或名称", "Project code or name");
    public static string ReviewListEmpty => P("没有符合条件的评审。", "No review matches.");
    public static string AdminReviewers => P("评审成员", "Reviewers");
    public static string AdminReviewersHint => P("领导按角色即为评审成员;此处指定其他评审成员(如生态环境、应急管理、发改能耗的联络人)。", "Managers review by their role; name further reviewers here (e.g. the environment, safety or energy contacts).");
    public static string NameReviewer => P("指定为评审成员", "Name reviewer");
    public static string ReviewerNote => P("备注(代表部门)", "Note (speaks for)");
    public static string ReviewerNamed => P("已指定。", "Named.");
    public static string ReviewerRemoved => P("已移除。", "Removed.");
    public static string NoNamedReviewers => P("尚未指定评审成员。", "No named reviewer yet.");


    public static string EnvironmentalName(EnvironmentalCategory c) => P(c.ZhName(), c.EnName());

    public static string OpinionName(ReviewOpinionKind k) => P(k.ZhName(), k.EnName());

    public static string VetoName(ReviewVeto v) => P(v.ZhName(), v.EnName());

    public static string OutcomeName(ReviewOutcome o) => P(o.ZhName(), o.EnName());

    public static string ReviewStatusName(ReviewStatus s, ReviewOutcome? o) => s switch
    {
        ReviewStatus.Pending => Pending,
        ReviewStatus.Superseded => P("已被修订", "Revised"),
        _ => o is { } outcome ? OutcomeName(outcome) : "",
    };
}
