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
    public const int ReasonMaxLength = 500;

    /// <summary>The code of the rule that a done or cancelled follow-up stays as it was closed.</summary>
    public const string ClosedCode = "followUp.closed";

    private FollowUp() { }

    public FollowUp(Guid projectId, Guid assigneeId, DateOnly dueOn, string title, Guid createdById, DateTime createdAtUtc)
    {
        ProjectId = projectId;
        AssigneeId = assigneeId;
        DueOn = dueOn;
        Title = RequireTitle(title);
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

    /// <summary>What the officer wants to remember about the task (the title says what to do).</summary>
    public string? Notes { get; private set; }

    /// <summary>Why the due date last moved; earlier reasons are in the audit trail.</summary>
    public string? RescheduleReason { get; private set; }

    public string? CancelReason { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public Guid? CancelledById { get; private set; }

    /// <summary>The last day a reminder went out (jobs send at most one a day).</summary>
    public DateOnly? RemindedOn { get; private set; }

    public void Complete(Guid byUserId, string? note, DateTime atUtc)
    {
        EnsureOpen();

        Status = FollowUpStatus.Done;
        CompletedById = byUserId;
        CompletedAtUtc = atUtc;
        CompletionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void Reassign(Guid assigneeId, DateOnly? dueOn)
    {
        EnsureOpen();

        AssigneeId = assigneeId;
        DueOn = dueOn ?? DueOn;
    }

    public void MarkReminded(DateOnly on) => RemindedOn = on;

    public void Edit(string title, string? notes)
    {
        EnsureOpen();
        Title = RequireTitle(title);
        Notes = Blank(notes);
    }

    /// <summary>
    /// Moves the due date. The reminder stamp stays: the daily reminder job claims open follow-ups due by today whose
    /// last reminder was before today, so the new date brings a new reminder, and a task moved to today after this
    /// morning's reminder is not reminded twice in one day.
    /// </summary>
    public void Reschedule(DateOnly dueOn, string? reason)
    {
        EnsureOpen();
        DueOn = dueOn;
        RescheduleReason = Blank(reason);
    }

    /// <summary>Closes the task as no longer needed; the reason is required, since a cancelled task leaves no other trace of why.</summary>
    public void Cancel(Guid byUserId, string reason, DateTime atUtc)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("followUp.cancelReason", "Say why the follow-up is cancelled.");
        }

        Status = FollowUpStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledById = byUserId;
        CancelledAtUtc = atUtc;
    }

    private void EnsureOpen()
    {
        if (Status != FollowUpStatus.Open)
        {
            throw new DomainRuleException(ClosedCode, "This follow-up is already closed (done or cancelled).");
        }
    }

    private static string RequireTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? throw new DomainRuleException("followUp.title", "A follow-up needs a title.") : title.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
