using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

/// <summary>Duplicate: links the submission to the existing project (the matched one unless another is named).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record MarkSubmissionDuplicate(Guid Id, Guid? ProjectId = null) : ICommand<TriageDecision>;

public sealed class MarkSubmissionDuplicateHandler(IAppDbContext db, ICurrentUser user, Notifier notifier, TimeProvider clock) : ICommandHandler<MarkSubmissionDuplicate, TriageDecision>
{
    public async ValueTask<TriageDecision> Handle(MarkSubmissionDuplicate command, CancellationToken cancellationToken)
    {
        var submission = await TriageSteps.LoadAsync(db, command.Id, cancellationToken);
        var projectId = command.ProjectId ?? submission.MatchedProjectId
            ?? throw FieldError.Invalid("projectId", M.DuplicateProjectRequired);
        var code = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken)
            ?? throw FieldError.Invalid("projectId", M.NoSuchProject);
        var now = clock.GetUtcNow().UtcDateTime;
        db.SubmissionStatusChanges.Add(submission.MarkDuplicate(projectId, user.RequireId(), now));

        // The bureau already worked this enterprise: the partner did not report it first.
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.Void(now), cancellationToken);
        await TriageSteps.NotifyAsync(db, notifier, submission, "submission.duplicate", M.SubmissionDuplicateNotice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TriageSteps.Decision(submission, code);
    }
}
