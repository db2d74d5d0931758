using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string MyFollowUps => P("我的跟进", "My follow-ups");
    public static string Overdue => P("已逾期", "Overdue");
    public static string DueToday => P("今天", "Today");
    public static string Upcoming => P("未来两周", "Next two weeks");
    public static string NothingDue => P("暂无", "Nothing");
    public static string Done => P("完成", "Done");

    public static string FollowUpStatusName(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => P("待办", "Open"),
        FollowUpStatus.Done => P("已完成", "Done"),
        FollowUpStatus.Cancelled => P("已取消", "Cancelled"),
        _ => status.ToString(),
    };

    /// <summary>What an import row will do (the importer's two actions), in the page's language.</summary>
    public static string ImportAction(string? action) => action switch
    {
        null => "",
        Application.Projects.ImportLeads.ImportLeadsHandler.NewEnterpriseAction => P("新建企业+线索", "New enterprise + lead"),
        Application.Projects.ImportLeads.ImportLeadsHandler.ExistingEnterpriseAction => P("已有企业+线索", "Existing enterprise + lead"),
        _ => action,
    };
    public static string FollowUpDone => P("已完成跟进", "Follow-up done");
    public static string FollowUps => P("跟进任务", "Follow-ups");
    public static string AddFollowUp => P("添加跟进", "Add follow-up");
    public static string Title => P("事项", "Task");
    public static string DueOn => P("截止日期", "Due");
    public static string Assignee => P("负责人", "Assignee");
    public static string Timeline => P("走访与进展", "Timeline");
    public static string RecordInteraction => P("记录走访", "Record an interaction");
    public static string InteractionKindLabel => P("方式", "Kind");
    public static string Summary => P("内容摘要", "Summary");
    public static string NextSteps => P("下一步", "Next steps");
    public static string FollowUpOn => P("跟进日期(可选,将生成跟进任务)", "Follow up on (optional: creates a task)");
    public static string OccurredOn => P("发生日期", "Date");
    public static string InteractionSaved => P("已记录", "Recorded");
    public static string Notifications => P("通知", "Notifications");
    public static string MarkAllRead => P("全部已读", "Mark all read");
    public static string NoNotifications => P("暂无通知", "No notifications");
    public static string StageMovedLine => P("阶段变更", "Stage change");
    public static string Status => P("状态", "Status");

    public static string KindName(InteractionKind kind) => kind switch
    {
        InteractionKind.Visit => P("走访", "Visit"),
        InteractionKind.Call => P("电话", "Call"),
        InteractionKind.Meeting => P("会谈", "Meeting"),
        InteractionKind.SiteInspection => P("考察", "Site inspection"),
        InteractionKind.Conference => P("会议活动", "Conference"),
        InteractionKind.Email => P("邮件", "E-mail"),
        InteractionKind.WeChat => P("微信", "WeChat"),
        _ => kind.ToString(),
    };
}
