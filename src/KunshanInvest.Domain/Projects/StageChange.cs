using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>One move of a project between stages; time-in-stage reports are computed from these rows.</summary>
public sealed class StageChange : Entity
{
    public const int NoteMaxLength = 1000;

    private StageChange() { }

    internal StageChange(Guid projectId, ProjectStage? from, ProjectStage to, DateTime atUtc, Guid? byUserId, string? note, bool isJump, bool isBackward)
    {
        ProjectId = projectId;
        From = from;
        To = to;
        AtUtc = atUtc;
        ByUserId = byUserId;
        Note = note;
        IsJump = isJump;
        IsBackward = isBackward;
    }

    public Guid ProjectId { get; private set; }

    /// <summary>Null for the project's first stage.</summary>
    public ProjectStage? From { get; private set; }
    public ProjectStage To { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string? Note { get; private set; }

    /// <summary>A forward move that skipped stages (e.g. a lease project that never needs 供地).</summary>
    public bool IsJump { get; private set; }
    public bool IsBackward { get; private set; }

    internal void Backdate(DateTime atUtc) => AtUtc = atUtc;
}
