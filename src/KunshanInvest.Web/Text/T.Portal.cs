using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string Portal => P("合作伙伴门户", "Partner portal");
    public static string OpenPortal => P("进入合作伙伴门户", "Open the partner portal");
    public static string MySubmissions => P("我的报送", "My submissions");
    public static string NewSubmission => P("报送新项目", "Submit a project");
    public static string Colleagues => P("机构同事", "Colleagues");
    public static string MyLedger => P("首报记录", "First-report ledger");
    public static string Ledger => P("首报与奖励台账", "First-report ledger");
    public static string Triage => P("合作伙伴报送", "Partner submissions");
    public static string AdminPartners => P("合作机构审核", "Partner approval");
    public static string Reference => P("报送编号", "Reference");
    public static string SubmittedAt => P("报送时间", "Submitted");
    public static string ProjectSummary => P("项目简介", "Project summary");
    public static string LandNeedMu => P("用地需求(亩)", "Land need (mu)");
    public static string ExpectedJobs => P("预计就业人数", "Expected jobs");
    public static string ContactPerson => P("联系人", "Contact person");
    public static string ContactPhone => P("联系电话", "Phone");
    public static string ContactEmail => P("联系邮箱", "E-mail");
    public static string CreditCodeIfKnown => P("统一社会信用代码(如有)", "Credit code (if known)");
    public static string Attachments => P("附件", "Attachments");
    public static string AttachmentsHint => P("PDF、Word、Excel 或图片,每个不超过 10 MB,最多 5 个。", "PDF, Word, Excel or images; up to 10 MB each, at most 5.");
    public static string StatusTimeline => P("进度", "Status timeline");
    public static string SubmitNow => P("提交报送", "Submit");
    public static string Submitted(string reference) => P($"已提交,报送编号 {reference}", $"Submitted: reference {reference}");
    public static string AlreadyReported => P("该企业已由其他合作伙伴先行报送,本次报送不享有首报权益。", "Another partner reported this enterprise first; this submission holds no first-report attribution.");
    public static string Conversation => P("沟通记录", "Conversation");
    public static string WriteMessage => P("留言", "Message");
    public static string Send => P("发送", "Send");
    public static string InternalNote => P("内部备注(合作伙伴不可见)", "Internal note (never shown to the partner)");
    public static string Internal => P("内部", "Internal");
    public static string Bureau => P("招商局", "Bureau");
    public static string Accept => P("受理", "Accept");
    public static string MarkDuplicate => P("标记重复", "Duplicate");
    public static string Reject => P("退回", "Reject");
    public static string StartReviewAction => P("开始审核", "Start review");
    public static string RejectReason => P("退回理由", "Reason for rejection");
    public static string DuplicateCheck => P("查重结果", "Duplicate check");
    public static string NoMatch => P("未发现重复", "No match");
    public static string MatchedEnterprise(string name) => P($"已有企业:{name}", $"Existing enterprise: {name}");
    public static string MatchedProject(string code) => P($"在谈项目:{code}", $"Open project: {code}");
    public static string ReportedFirstByOther => P("他人已首报", "Reported first by another partner");
    public static string Partner => P("合作机构", "Partner");
    public static string PartnerTypeLabel => P("机构类型", "Type");
    public static string Members => P("成员", "Members");
    public static string Approve => P("批准", "Approve");
    public static string Suspend => P("暂停", "Suspend");
    public static string Reinstate => P("恢复", "Reinstate");
    public static string AwaitingApproval => P("您的机构正在等待招商局审核,审核通过后即可报送项目。", "Your organisation awaits the bureau's approval; you can submit projects once it is approved.");
    public static string PartnerSuspended => P("您的机构已被暂停。", "Your organisation is suspended.");
    public static string AddColleague => P("添加同事", "Add a colleague");
    public static string Founder => P("首位用户", "Founder");
    public static string ReportedAt => P("首报时间", "Reported");
    public static string FundsInPlace => P("到位资金", "Funds in place");
    public static string Rate => P("奖励比例", "Rate");
    public static string Reward => P("奖励金额", "Reward");
    public static string RegisterPartner => P("合作机构注册", "Partner registration");
    public static string RegisterPartnerHint => P("中介机构、商会、驻外招商点和以商引商企业可在此注册,招商局审核后即可报送项目。", "Intermediaries, chambers of commerce, overseas offices and referring enterprises register here; once the bureau approves, you can submit projects.");
    public static string OrganisationNameZh => P("机构中文名称", "Organisation name (Chinese)");
    public static string OrganisationNameEn => P("机构英文名称", "Organisation name (English)");
    public static string Register => P("注册", "Register");
    public static string Registered => P("注册成功,请等待招商局审核。您现在即可登录查看审核状态。", "Registered. The bureau will review your organisation; you can sign in now to see its status.");
    public static string AccountUserName => P("用户名(字母、数字)", "User name (letters, digits)");
    public static string PartnerRegistrationLink => P("合作机构注册", "Register a partner organisation");
    public static string NoSubmissions => P("尚无报送。", "No submissions yet.");
    public static string QueueEmpty => P("没有待处理的报送。", "No submissions waiting.");
    public static string ShowDecided => P("显示已处理", "Show decided");
    public static string OpenProject => P("打开项目", "Open project");
    public static string ProjectCode => P("项目编号", "Project code");

    public static string SubmissionStatusName(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => P("已提交", "Submitted"),
        SubmissionStatus.UnderReview => P("审核中", "Under review"),
        SubmissionStatus.Accepted => P("已受理", "Accepted"),
        SubmissionStatus.Rejected => P("已退回", "Rejected"),
        SubmissionStatus.Duplicate => P("重复", "Duplicate"),
        _ => status.ToString(),
    };

    public static string PartnerStatusName(PartnerStatus status) => status switch
    {
        PartnerStatus.Pending => P("待审核", "Pending"),
        PartnerStatus.Approved => P("已批准", "Approved"),
        PartnerStatus.Suspended => P("已暂停", "Suspended"),
        _ => status.ToString(),
    };

    public static string PartnerTypeName(PartnerType type) => type switch
    {
        PartnerType.Intermediary => P("中介机构", "Intermediary"),
        PartnerType.ChamberOfCommerce => P("商会", "Chamber of commerce"),
        PartnerType.OverseasOffice => P("驻外招商点", "Overseas office"),
        PartnerType.ReferringEnterprise => P("以商引商企业", "Referring enterprise"),
        _ => type.ToString(),
    };

    public static string AttributionStateName(AttributionState state) => state switch
    {
        AttributionState.Active => P("有效", "Active"),
        AttributionState.Lapsed => P("已失效", "Lapsed"),
        AttributionState.Void => P("无效", "Void"),
        _ => state.ToString(),
    };
}
