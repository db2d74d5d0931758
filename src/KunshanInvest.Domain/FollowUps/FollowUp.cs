using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.FollowUps;

public enum FollowUpStatus
{
    Open = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>跟进任务: something an officer must do for a project by a date.</summary>
public sealed class FollowUp : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int NoteMaxLength = 2000;

    private FollowUp() { }

    public FollowUp(Guid projectId, Guid assigneeId, DateOnly dueOn, string title, Guid createdById, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("followUp.title", "A follow-up needs a title.");
        }

        ProjectId = projectId;
        AssigneeId = assigneeId;
        DueOn = dueOn;
        Title = title.Trim();
        CreatedById = createdById;
        CreatedAtUtc = createdAtUtc;
        Status = FollowUpStatus.Open;
    }

    public Guid ProjectId { get; private set; }
    public Guid AssigneeId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Title { get; private set; } = "";
    public FollowUpStatus Status { get; private set; }
    public string? CompletionNote { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public Guid? CompletedById { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The last day a reminder went out (jobs send at most one a day).</summary>
    public DateOnly? RemindedOn { get; private set; }

    public void Complete(Guid byUserId, string? note, DateTime atUtc)
    {
        if (Status != FollowUpStatus.Open)
        {
            throw new DomainRuleException("followUp.closed", "This follow-up is already closed.");
        }

        Status = FollowUpStatus.Done;
        CompletedById = byUserId;
        CompletedAtUtc = atUtc;
        CompletionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void Reassign(Guid assigneeId, DateOnly? dueOn)
    {
        if (Status != FollowUpStatus.Open)
        {
            throw new DomainRuleException("followUp.closed", "A closed follow-up cannot be reassigned.");
        }

        AssigneeId = assigneeId;
        DueOn = dueOn ?? DueOn;
    }

    public void MarkReminded(DateOnly on) => RemindedOn = on;
}
