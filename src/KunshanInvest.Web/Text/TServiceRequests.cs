using KunshanInvest.Domain.Services;

namespace KunshanInvest.Web.Text;

/// <summary>Enterprise service requests (企业诉求): the queue, the detail, the log form, the enterprise's and the officer's panels.</summary>
public static partial class T
{
    public static string ServiceRequests => P("企业诉求", "Service requests");
    public static string ServiceRequestsHint => P("落地企业的诉求:受理 → 办理中 → 办结 → 回访,按办理时限排序。", "Landed enterprises' requests: accepted → in progress → closed → visited, by deadline.");
    public static string DepartmentQueueHint => P("本部门的企业诉求:请在时限内办理并答复企业。", "Your departments' requests: handle and reply within the deadline.");
    public static string DepartmentWelcome => P("您是部门办理员:请在「企业诉求」中办理本部门收到的诉求。", "You handle service requests for your department: open the queue to work on them.");
    public static string OpenServiceQueue => P("打开诉求队列", "Open the request queue");
    public static string LogServiceRequest => P("登记诉求", "Log a request");
    public static string ServiceRequest => P("诉求", "Request");
    public static string ServiceCategory => P("诉求类别", "Category");
    public static string ServiceDepartment => P("办理部门", "Department");
    public static string ServiceDescription => P("诉求内容", "Description");
    public static string ServiceContactName => P("企业联系人", "Contact");
    public static string ServiceContactPhone => P("联系电话", "Phone");
    public static string ServiceDue => P("办理时限", "Deadline");
    public static string ServiceAccepted => P("受理时间", "Accepted");
    public static string ServiceStatusLabel => P("状态", "Status");
    public static string ServiceOfficer => P("挂钩服务专员", "Service officer");
    public static string NoServiceOfficer => P("未指定", "None named");
    public static string AssignServiceOfficer => P("指定服务专员", "Name the service officer");
    public static string ServiceEnterprise => P("企业", "Enterprise");
    public static string ServiceOverdue => P("已超时", "Overdue");
    public static string ServiceOverdueOnly => P("仅看超时", "Overdue only");
    public static string ServiceMineOnly => P("我服务或登记的", "Mine");
    public static string AllStatuses => P("全部状态", "All statuses");
    public static string NoServiceRequests => P("暂无诉求。", "No requests.");
    public static string ServiceReply => P("答复", "Reply");
    public static string ServiceReturnReason => P("退回原因", "Reason for returning");
    public static string ServiceReassignNote => P("转办说明", "Note");
    public static string ServiceSatisfaction => P("满意度(1–5)", "Satisfaction (1–5)");
    public static string ServiceVisitComment => P("回访意见", "Comment");
    public static string ServiceStart => P("开始办理", "Start");
    public static string ServiceClose => P("办结", "Close");
    public static string ServiceReturn => P("退回", "Return");
    public static string ServiceReassign => P("转办", "Reassign");
    public static string ServiceVisit => P("记录回访", "Record the return visit");
    public static string ServiceSteps => P("办理过程", "Steps");
    public static string ServiceAttachments => P("附件", "Attachments");
    public static string ServiceUpload => P("上传附件", "Upload");
    public static string ServiceAddFiles => P("添加附件(最多 5 个,图片 / PDF / Office)", "Add files (up to 5: images, PDF, Office)");
    public static string ServiceRequestsDue => P("待办诉求", "Requests due");
    public static string ServiceRequestsDueHint => P("您服务或登记的企业诉求:7 天内到期或已超时,以及待回访的。", "Requests of enterprises you serve or logged: due within 7 days or overdue, and those awaiting your return visit.");
    public static string NoServiceRequestsDue => P("暂无待办诉求。", "Nothing due.");
    public static string EnterpriseNotLanded => P("企业尚未落地(无注册及以后阶段的项目),暂不能登记诉求。", "The enterprise has not landed (no project registered yet): no requests can be logged.");
    public static string ServiceRequestsOf(int total) => P($"企业诉求({total})", $"Service requests ({total})");
    public static string ServiceDaysHint(int days) => P($"办理时限 {days} 天", $"Deadline: {days} days");
    public static string ServiceStepBy(string? who) => P($"由 {who ?? "?"}", $"by {who ?? "?"}");
    public static string ServiceFromTo(string? from, string? to) => from is null ? P($"至 {to}", $"to {to}") : P($"由 {from} 转至 {to}", $"from {from} to {to}");
    public static string ServiceSearchEnterprise => P("搜索企业(名称)", "Search an enterprise (name)");
    public static string Stars(int? n) => n is { } v ? new string('★', v) + new string('☆', 5 - v) : "—";

    public static string ServiceStatus(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.Accepted => P("受理", "Accepted"),
        ServiceRequestStatus.InProgress => P("办理中", "In progress"),
        ServiceRequestStatus.Closed => P("办结", "Closed"),
        ServiceRequestStatus.Visited => P("已回访", "Visited"),
        ServiceRequestStatus.Returned => P("退回", "Returned"),
        _ => status.ToString(),
    };

    public static string ServiceStepName(ServiceStepKind kind) => kind switch
    {
        ServiceStepKind.Accepted => P("受理", "Accepted"),
        ServiceStepKind.Started => P("开始办理", "Started"),
        ServiceStepKind.Reassigned => P("转办", "Reassigned"),
        ServiceStepKind.Closed => P("办结", "Closed"),
        ServiceStepKind.Visited => P("回访", "Return visit"),
        ServiceStepKind.Returned => P("退回", "Returned"),
        _ => kind.ToString(),
    };
}
