using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>
/// 项目转交: a manager gave a project to another officer, with the reason. <see cref="EscalationLevel"/> is the 六未
/// level the project had then (3: the escalation's reassignment proposal was acted on); <see cref="FollowUpsMoved"/>
/// counts the old owner's open follow-ups on the project that moved with it.
/// </summary>
public sealed class ProjectReassignment : Entity
{
    public const int ReasonMaxLength = 500;

    private ProjectReassignment() { }

    public ProjectReassignment(Guid projectId, Guid fromOwnerId, Guid toOwnerId, Guid byUserId, string reason, int escalationLevel, int followUpsMoved, DateTime atUtc)
    {
        if (fromOwnerId == toOwnerId)
        {
            throw new DomainRuleException("project.reassign_same", "The project already belongs to this officer.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("project.reassign_reason", "A reassignment needs a reason.");
        }

        ProjectId = projectId;
        FromOwnerId = fromOwnerId;
        ToOwnerId = toOwnerId;
        ByUserId = byUserId;
        Reason = reason.Trim();
        EscalationLevel = escalationLevel;
        FollowUpsMoved = followUpsMoved;
        AtUtc = atUtc;
    }

    public Guid ProjectId { get; private set; }
    public Guid FromOwnerId { get; private set; }
    public Guid ToOwnerId { get; private set; }
    public Guid ByUserId { get; private set; }
    public string Reason { get; private set; } = "";
    public int EscalationLevel { get; private set; }
    public int FollowUpsMoved { get; private set; }
    public DateTime AtUtc { get; private set; }
}
