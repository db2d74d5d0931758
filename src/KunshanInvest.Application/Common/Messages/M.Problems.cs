namespace KunshanInvest.Application.Common.Messages;

/// <summary>The titles of the API's problem details, one per kind of failure.</summary>
public static partial class M
{
    public static readonly Msg ProblemInvalid = new("problem.invalid", "请求有误。", "One or more fields are invalid.");
    public static readonly Msg ProblemUnreadable = new("problem.unreadable", "请求无法读取。", "The request could not be read.");
    public static readonly Msg ProblemUnauthenticated = new("problem.unauthenticated", "请先登录。", "Sign in first.");
    public static readonly Msg ProblemForbidden = new("problem.forbidden", "无权操作。", "You may not do this.");
    public static readonly Msg ProblemNotFound = new("problem.not_found", "未找到。", "Not found.");
    public static readonly Msg ProblemPrecondition = new("problem.precondition", "缺少版本号。", "If-Match is required.");
    public static readonly Msg ProblemDuplicate = new("problem.duplicate", "疑似重复企业。", "This enterprise may already exist.");
    public static readonly Msg ProblemConflict = new("problem.conflict", "冲突。", "Conflict.");
    public static readonly Msg ProblemDataConflict = new("problem.data_conflict", "与已有数据冲突。", "The change conflicts with existing data.");
    public static readonly Msg ProblemDataConflictDetail = new("problem.data_conflict.detail", "请刷新后重试;若仍出现,说明该值必须唯一。", "Reload and try again; if it persists, the value must be unique.");
    public static readonly Msg ProblemStageGate = new("problem.stage_gate", "阶段条件不满足。", "The stage's evidence is missing.");
    public static readonly Msg ProblemSigningRows = new("problem.signing_rows", "签约条件不满足。", "Some rows cannot be signed.");
    public static readonly Msg ProblemRule = new("problem.rule", "违反业务规则。", "A business rule forbids this.");
    public static readonly Msg ProblemServer = new("problem.server", "服务器错误。", "An unexpected error occurred.");
}
