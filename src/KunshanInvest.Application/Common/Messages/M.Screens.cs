namespace KunshanInvest.Application.Common.Messages;

/// <summary>Follow-up edit, reschedule and cancel (issue 18, the screens still missing).</summary>
public static partial class M
{
    public static readonly Msg FollowUpClosed = new(Domain.FollowUps.FollowUp.ClosedCode, "此跟进任务已完成或已取消,不能再修改。", "This follow-up is already done or cancelled and cannot be changed.");
    public static readonly Msg FollowUpTitle = new("followUp.title", "请填写跟进事项。", "A follow-up needs a title.");
    public static readonly Msg FollowUpCancelReason = new("followUp.cancelReason", "请说明取消的原因。", "Say why the follow-up is cancelled.");
    public static readonly Msg OnlyAssigneeChanges = new("follow_up.only_assignee_changes", "只有负责人、项目负责人或科长可以修改此任务。", "Only the assignee, the project's owner or a manager may change this follow-up.");
}
