using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string ProjectList => P("项目库", "Projects");
    public static string NewLead => P("新线索", "New lead");
    public static string NewLeadHint => P("几秒钟录入一条线索:企业、产业链、来源、大致投资额。负责人默认为您。", "Log a lead in seconds: enterprise, sector, source, rough investment. You own it.");
    public static string Enterprise => P("企业", "Enterprise");
    public static string EnterpriseNameZh => P("企业中文名", "Enterprise name (Chinese)");
    public static string EnterpriseNameEn => P("企业英文名", "Enterprise name (English)");
    public static string CreditCodeLabel => P("统一社会信用代码(可选)", "Unified social credit code (optional)");
    public static string Country => P("国家/地区", "Country/region");
    public static string Source => P("来源渠道", "Source");
    public static string EstimatedInvestmentWan => P("预计投资(万元)", "Estimated investment (CNY 10k)");
    public static string Currency => P("币种", "Currency");
    public static string ProjectName => P("项目名称(可选)", "Project name (optional)");
    public static string Major => P("重大项目", "Major project");
    public static string Save => P("保存", "Save");
    public static string Cancel => P("取消", "Cancel");
    public static string Search => P("搜索", "Search");
    public static string SearchHint => P("编号、项目名或企业名", "Code, project or enterprise name");
    public static string Stage => P("阶段", "Stage");
    public static string Owner => P("负责人", "Owner");
    public static string Park => P("载体", "Park");
    public static string OnlyMine => P("只看我的", "Mine only");
    public static string OnlyStalled => P("只看六未", "Stalled only");
    public static string OnlyMajor => P("只看重大", "Major only");
    public static string Code => P("编号", "Code");
    public static string Name => P("名称", "Name");
    public static string LastActivity => P("最近活动", "Last activity");
    public static string NextFollowUp => P("下次跟进", "Next follow-up");
    public static string Investment => P("投资额", "Investment");
    public static string Stalled => P("六未", "Stalled");
    public static string Previous => P("上一页", "Previous");
    public static string Next => P("下一页", "Next");
    public static string TotalCount(int n) => P($"共 {n} 个项目", $"{n} projects");
    public static string DuplicateTitle => P("该企业可能已在库中", "This enterprise may already be on file");
    public static string DuplicateHint => P("请选择已有企业,避免重复录入;若确为不同企业,可继续新建。", "Pick the existing record to avoid a duplicate; if it is a different company, create it anyway.");
    public static string UseThis => P("选用此企业", "Use this one");
    public static string CreateAnyway => P("确认为不同企业,继续新建", "A different company: create it");
    public static string SameCreditCode => P("信用代码相同", "same credit code");
    public static string SameName => P("名称相同", "same name");
    public static string ConflictTitle => P("提醒:该企业已有其他专员在跟进的项目,双方均已收到通知。", "Note: another officer is already working on this enterprise; both of you were notified.");
    public static string LeadSaved(string code) => P($"已创建线索 {code}", $"Lead {code} created");
    public static string ChosenEnterprise => P("已选企业", "Chosen enterprise");
    public static string Change => P("更换", "Change");
    public static string NextStageNeeds(string stage) => P($"进入「{stage}」还需要:", $"To move to {stage} the project still needs:");
    public static string NextStageReady(string stage) => P($"已满足进入「{stage}」的条件", $"Ready for {stage}");
    public static string MoveTo => P("推进到", "Move to");
    public static string Reason => P("说明/原因", "Note / reason");
    public static string Move => P("确认变更", "Change stage");
    public static string StageMoved(string stage) => P($"已进入「{stage}」", $"Moved to {stage}");
    public static string Basics => P("基本信息", "Basics");
    public static string Figures => P("协议与实际", "Pledged and realised");
    public static string StageHistory => P("阶段变更", "Stage history");
    public static string History => P("修改记录", "History");
    public static string Pledged2 => P("协议(签约时)", "Pledged (at signing)");
    public static string Realised => P("实际到位", "Realised");
    public static string PledgedInvestmentWan => P("协议投资(万元)", "Pledged investment (CNY 10k)");
    public static string ForeignCapitalWanUsd => P("外资(万美元)", "Foreign capital (USD 10k)");
    public static string Jobs => P("就业人数", "Jobs");
    public static string AnnualTaxWan => P("年税收(万元)", "Annual tax (CNY 10k)");
    public static string AnnualOutputWan => P("年产值(万元)", "Annual output (CNY 10k)");
    public static string LandMu => P("用地(亩)", "Land (mu)");
    public static string ProjectCompanyCreditCode => P("项目公司信用代码", "Project company's credit code");
    public static string FundsInPlaceWan => P("到位资金(万元)", "Funds in place (CNY 10k)");
    public static string BlockingIssues => P("卡点问题", "Blocking issues");
    public static string Saved => P("已保存", "Saved");
    public static string Field => P("字段", "Field");
    public static string OldValue => P("原值", "Old");
    public static string NewValue => P("新值", "New");
    public static string Jump => P("跨阶段", "jump");
    public static string Backward => P("回退", "back");
    public static string NotSet => P("未填", "—");
    public static string StalledSince(int days) => P($"已在本阶段 {days} 天(六未)", $"{days} days in this stage (stalled)");
    public static string LostReasonLabel => P("流失原因", "Reason lost");

    /// <summary>A stage gate's missing evidence, by field, in the UI's language.</summary>
    public static string Evidence(string field, string fallback) => field switch
    {
        "enterpriseId" => P("关联企业", "the enterprise"),
        "sectorId" => P("产业链", "the sector"),
        "parkId" => P("落地载体", "the park"),
        "pledgedInvestment" => P("协议投资额", "the pledged investment"),
        "projectCompanyCreditCode" => P("项目公司统一社会信用代码", "the project company's credit code"),
        "milestones.landSupplied" => P("供地节点(已供地)", "the land-supply milestone, reached"),
        "milestones.landSupplied.landMu" => P("供地节点的用地面积(亩)", "the land area in mu on the land-supply milestone"),
        "milestones.constructionStarted" => P("开工节点(已开工)", "the construction-start milestone, reached"),
        "milestones.productionStarted" => P("投产节点(已投产)", "the production-start milestone, reached"),
        "milestones.enteredStatistics" => P("入库节点及入库月份", "the statistics-entry milestone with its month"),
        "milestones.capacityReached" => P("达产节点(已达产)", "the capacity milestone, reached"),
        "figures.mainBusinessRevenue" => P("入库前12个月经核实的主营业务收入达到规上标准", "verified main-business revenue over the 12 months to the statistics month at the threshold"),
        "reviews" => P("项目评审通过(重大项目)", "a passed project review (major project)"),
        "figures.industrialOutput" => P("达产前12个月经核实的工业总产值达到协议年产值(或领导认定)", "verified industrial output over the 12 months to capacity at the pledge (or a manager's override)"),
        _ => fallback,
    };

    public static string StageName(ProjectStage stage) => IsEnglish ? stage switch
    {
        ProjectStage.LandSecured => "Land secured",
        ProjectStage.UnderConstruction => "Under construction",
        ProjectStage.AboveScale => "Above scale",
        ProjectStage.AtCapacity => "At capacity",
        ProjectStage.OnHold => "On hold",
        _ => stage.ToString(),
    } : stage.ZhName();

    public static string SourceName(SourceChannel source) => source switch
    {
        SourceChannel.Conference => P("招商会", "Conference"),
        SourceChannel.Expo => P("展会", "Expo"),
        SourceChannel.OverseasOffice => P("驻外招商点", "Overseas office"),
        SourceChannel.BusinessReferral => P("以商引商", "Business referral"),
        SourceChannel.Intermediary => P("中介机构", "Intermediary"),
        SourceChannel.PartnerPortal => P("合作伙伴门户", "Partner portal"),
        SourceChannel.WalkIn => P("上门洽谈", "Walk-in"),
        _ => source.ToString(),
    };

    public static string OwnershipName(Ownership ownership) => ownership switch
    {
        Ownership.Domestic => P("内资", "Domestic"),
        Ownership.Foreign => P("外资", "Foreign"),
        Ownership.HongKongMacaoTaiwan => P("港澳台资", "HK/Macao/Taiwan"),
        _ => ownership.ToString(),
    };
}
