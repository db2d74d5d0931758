namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg OnlyAssigneeCompletes = new("follow_up.only_assignee_completes", "只有负责人或科长可以完成此任务。", "Only the assignee or a manager may complete this follow-up.");
    public static readonly Msg AssignSelfOrOwner = new("follow_up.assign_self_or_owner", "只能给自己或项目负责人安排跟进。", "You may assign follow-ups only to yourself or the project's owner.");
    public static readonly Msg OnlyAssigneeReassigns = new("follow_up.only_assignee_reassigns", "只有负责人、项目负责人或科长可以转交此任务。", "Only the assignee, the project's owner or a manager may reassign this follow-up.");
    public static readonly Msg DueBeforeToday = new("follow_up.due_before_today", "截止日期不能早于今天。", "The due date cannot be before today (China time).");
    public static readonly Msg NewFollowUp = new("notice.follow_up_assigned", "新的跟进任务:{title}", "New follow-up: {title}");
    public static readonly Msg NewFollowUpBody = new("notice.follow_up_assigned.body", "{code} {name} — 截止 {due}", "{code} {name} — due {due}");

    public static readonly Msg InteractionTarget = new("interaction.target", "请指定项目或企业。", "Name the project or the enterprise.");
    public static readonly Msg InteractionKind = new("interaction.kind", "方式须为:{kinds}", "Kind must be one of: {kinds}.");
    public static readonly Msg InteractionFuture = new("interaction.future", "发生时间不能晚于明天。", "The interaction cannot lie more than a day in the future.");
    public static readonly Msg FollowUpNeedsProject = new("interaction.follow_up_project", "跟进任务须属于项目。", "A follow-up belongs to a project.");
    public static readonly Msg NextStepsRequired = new("interaction.next_steps", "安排跟进时请写明下一步。", "Say what the next step is: it becomes the follow-up's title.");
    public static readonly Msg InteractionNoEnterprise = new("interaction.enterprise", "项目尚未关联企业,请先关联。", "Link the project to an enterprise before recording interactions.");
    public static readonly Msg NotProjectsEnterprise = new("interaction.not_projects_enterprise", "不是该项目的企业。", "This is not the project's enterprise; leave it out to use the project's.");

    public static readonly Msg PeriodFromRange = new("report.from_range", "起始日期须在 2000–2100 年之间。", "The period must lie between 2000 and 2100.");
    public static readonly Msg PeriodToRange = new("report.to_range", "截止日期须在 2000–2100 年之间。", "The period must lie between 2000 and 2100.");
    public static readonly Msg PeriodReversed = new("report.reversed", "截止日期不能早于起始日期。", "The period ends before it starts.");
    public static readonly Msg PeriodTooLong = new("report.too_long", "期间最长十年。", "A period spans at most ten years.");
}
