namespace KunshanInvest.Application.Common.Messages;

/// <summary>Enterprise service requests (企业诉求), their categories and departments: what the domain's rules say.</summary>
public static partial class M
{
    public static readonly Msg ServiceDescription = new("service.description", "请填写诉求内容。", "A request needs a description.");
    public static readonly Msg ServiceDue = new("service.due", "办理时限须晚于受理时间。", "A request's deadline lies after the time it is logged.");
    public static readonly Msg ServiceReply = new("service.reply", "办结须填写给企业的答复。", "Closing a request needs the reply given to the enterprise.");
    public static readonly Msg ServiceSatisfaction = new("service.satisfaction", "满意度为 1–5。", "Satisfaction is 1 to 5.");
    public static readonly Msg ServiceReturnReason = new("service.return_reason", "退回诉求需要说明原因。", "Returning a request needs a reason.");
    public static readonly Msg ServiceSameDepartment = new("service.same_department", "该诉求已在此部门办理。", "The request is already with that department.");
    public static readonly Msg ServiceState = new("service.state", "该诉求当前的状态不允许这一步,请刷新后再试。", "The request's state does not allow this step; reload and try again.");
    public static readonly Msg ServiceDeadlineDays = new("service.deadline_days", "类别的办理时限为 1–365 天。", "A category's deadline is 1 to 365 days.");
}
