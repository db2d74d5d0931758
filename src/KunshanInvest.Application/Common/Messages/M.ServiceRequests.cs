namespace KunshanInvest.Application.Common.Messages;

/// <summary>Enterprise service requests' use cases (企业诉求): what logging and working a request may be refused for.</summary>
public static partial class M
{
    public static readonly Msg ServiceNotLanded = new("service.not_landed", "企业「{enterprise}」尚未落地(无注册及以后阶段的项目),不能登记诉求。", "{enterprise} has not landed (no project registered yet): it cannot log a service request.");
    public static readonly Msg ServiceCategoryInactive = new("service.category_inactive", "该诉求类别不存在或已停用。", "That request category does not exist or is retired.");
    public static readonly Msg ServiceDepartmentInactive = new("service.department_inactive", "该办理部门不存在或已停用。", "That department does not exist or is inactive.");
    public static readonly Msg ServiceNotYourStep = new("service.not_your_step", "只有该诉求所在部门的办理人员或经理可以办理这一步。", "Only the handlers of the request's department, or a manager, may take this step.");
    public static readonly Msg ServiceVisitNotYours = new("service.visit_not_yours", "只有挂钩服务专员、登记人或经理可以记录回访。", "Only the enterprise's service officer, the officer who logged it, or a manager may record the return visit.");
    public static readonly Msg ServiceVersionStale = new("service.version_stale", "该诉求已被他人更新,请刷新后再试。", "The request changed since you read it; reload and try again.");
    public static readonly Msg ServiceTooManyAttachments = new("service.too_many_attachments", "每个诉求最多 {max} 个附件。", "A request takes at most {max} attachments.");
    public static readonly Msg ServiceOfficerNotStaff = new("service.officer_not_staff", "服务专员须是在职的招商人员。", "The service officer must be an active member of bureau staff.");
    public static readonly Msg EnterpriseVersionStale = new("service.enterprise_version_stale", "该企业已被他人更新,请刷新后再试。", "The enterprise changed since you read it; reload and try again.");
}
