namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// The service requests' catalogues (categories, departments and their members), the requests' jobs and their reports.
/// The jobs' notices are written in SQL (Infrastructure/Jobs/ServiceJobSql): their argument names are the JSON keys it
/// builds — <c>enterprise</c>, <c>category</c> and <c>department</c> (each a <see cref="Bilingual"/>) and <c>due</c>.
/// </summary>
public static partial class M
{
    public static readonly Msg DepartmentMemberRole = new("department.member_role", "部门成员须为部门办理员或局内人员,且账号未停用。", "A department's member is an enabled department handler or bureau staff user.");
    public static readonly Msg DepartmentAlreadyMember = new("department.already_member", "该用户已是本部门成员。", "The user is already a member of this department.");
    public static readonly Msg DepartmentNotMember = new("department.not_member", "该用户不是本部门成员。", "The user is not a member of this department.");
    public static readonly Msg DepartmentHead = new("department.head", "部门负责人须为本部门成员或领导。", "A department's head is one of its members or a manager.");
    public static readonly Msg DepartmentHeadIsMember = new("department.head_is_member", "该用户是部门负责人,请先更换负责人再移除。", "The user heads the department: name another head before removing them.");

    public static readonly Msg ServiceDueSoon = new("notice.service.due_soon", "诉求即将到期:{enterprise} · {category}", "Request due soon: {enterprise} · {category}");
    public static readonly Msg ServiceDueSoonBody = new("notice.service.due_soon.body", "{department} 承办的诉求将于 {due} 到期,请及时办结。", "The request with {department} is due on {due}: please close it in time.");
    public static readonly Msg ServiceOverdue = new("notice.service.overdue", "诉求已超期:{enterprise} · {category}", "Request overdue: {enterprise} · {category}");
    public static readonly Msg ServiceOverdueBody = new("notice.service.overdue.body", "{department} 承办的诉求已于 {due} 到期仍未办结,请督办。", "The request with {department} was due on {due} and is not closed: please follow it up.");
    public static readonly Msg ServiceVisitDue = new("notice.service.visit_due", "请回访:{enterprise} · {category}", "Return visit due: {enterprise} · {category}");
    public static readonly Msg ServiceVisitDueBody = new("notice.service.visit_due.body", "{department} 已办结该诉求,请回访企业并记录满意度。", "{department} closed the request: visit the enterprise and record its satisfaction.");
}
