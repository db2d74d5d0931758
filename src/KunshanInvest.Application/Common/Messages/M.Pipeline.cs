namespace KunshanInvest.Application.Common.Messages;

/// <summary>Project reassignment (项目转交) and the 六未 proposal it settles: the refusals and the two owners' notices.</summary>
public static partial class M
{
    public static readonly Msg ReassignSame = new("project.reassign_same", "该项目已由此人负责。", "The project already belongs to this officer.");
    public static readonly Msg ReassignReason = new("project.reassign_reason", "转交须说明理由。", "A reassignment needs a reason.");
    public static readonly Msg ReassignReasonLength = new("project.reassign_reason_length", "转交理由最多{max}个字符。", "The reason may have at most {max} characters.");
    public static readonly Msg ReassignManagersOnly = new("project.reassign_managers_only", "只有招商科长或管理员可以转交项目。", "Only a manager or an admin may reassign a project.");
    public static readonly Msg ReassignOwnerNotStaff = new("project.reassign_owner", "新负责人须是在岗的招商专员或科长。", "The new owner must be an active officer or manager.");

    public static readonly Msg ReassignedToYou = new("notice.project.reassigned_to_you", "项目转交给您:{code} {name}", "A project was given to you: {code} {name}");
    public static readonly Msg ReassignedAway = new("notice.project.reassigned_away", "项目已转交他人:{code} {name}", "Your project was reassigned: {code} {name}");
    public static readonly Msg ReassignedBody = new("notice.project.reassigned.body", "由{by}转交,理由:{reason}。随项目转交的未完成跟进任务:{moved}项。", "Reassigned by {by}. Reason: {reason}. Open follow-ups moved with it: {moved}.");
}
