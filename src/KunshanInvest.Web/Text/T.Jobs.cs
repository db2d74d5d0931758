namespace KunshanInvest.Web.Text;

/// <summary>The jobs page and the notification centre.</summary>
public static partial class T
{
    public static string AdminJobs => P("后台任务", "Background jobs");
    public static string AdminJobsHint => P("定时任务由数据库状态驱动,重复运行不会重复提醒。时间为昆山时间。", "Jobs are driven by the database's state: running one again never repeats a reminder. Times are Kunshan time.");
    public static string JobsDisabled => P("后台任务未启用(Jobs:Enabled = false)。", "Background jobs are disabled (Jobs:Enabled = false).");
    public static string JobName => P("任务", "Job");
    public static string JobSchedule => P("计划 (cron)", "Schedule (cron)");
    public static string JobLastRun => P("上次运行", "Last run");
    public static string JobNextRun => P("下次运行", "Next run");
    public static string JobState => P("状态", "State");
    public static string RunNow => P("立即运行", "Run now");
    public static string JobQueued(string name) => P($"已排队运行:{name}", $"Queued: {name}");
    public static string JobDashboard => P("Hangfire 任务面板", "Hangfire dashboard");
    public static string Refresh => P("刷新", "Refresh");

    public static string JobTitle(string name) => name switch
    {
        "followup-reminders" => P("跟进提醒(今日到期与逾期)", "Follow-up reminders (due and overdue)"),
        "stale-sweep" => P("长期无跟进项目", "Stale projects"),
        "stalled-escalation" => P("六未升级", "Stalled escalation"),
        "weekly-digest" => P("领导周报", "Weekly digest to managers"),
        "pipeline-snapshot" => P("每日项目快照", "Daily pipeline snapshot"),
        "submission-triage" => P("合作伙伴报送分拣", "Partner submission triage"),
        "attribution-lapses" => P("首报失效", "First-report lapses"),
        "mail-dispatch" => P("发送邮件", "Send e-mail"),
        "audit-retention" => P("审计记录保留清理", "Audit retention purge"),
        "commitment-check" => P("协议承诺核查", "Agreement commitment check"),
        "service-deadline-reminders" => P("诉求到期提醒", "Service request deadline reminders"),
        "service-escalation" => P("诉求超期督办", "Overdue service request escalation"),
        "service-visit-reminders" => P("诉求回访提醒", "Service request return-visit reminders"),
        "channel-dispatch" => P("发送企业微信/钉钉消息", "Send WeCom/DingTalk messages"),
        _ => name,
    };

    public static string NotificationCentre => P("通知中心", "Notifications");
    public static string AllNotifications => P("全部通知", "All notifications");
    public static string UnreadOnly => P("仅看未读", "Unread only");
    public static string UnreadCount(int n) => P($"{n} 条未读", $"{n} unread");
    public static string MarkRead => P("标为已读", "Mark read");
    public static string Open => P("打开", "Open");
    public static string ReceivedAt => P("时间", "Received");
}
