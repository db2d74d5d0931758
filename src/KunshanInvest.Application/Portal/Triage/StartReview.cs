using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Portal.Triage;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record StartReview(Guid Id) : ICommand<TriageDecision>;

public sealed class StartReviewHandler(IAppDbContext db, ICurrentUser user, Notifier notifier, TimeProvider clock) : ICommandHandler<StartReview, TriageDecision>
{
    public async ValueTask<TriageDecision> Handle(StartReview command, CancellationToken cancellationToken)
    {
        var submission = await TriageSteps.LoadAsync(db, command.Id, cancellationToken);
        db.SubmissionStatusChanges.Add(submission.StartReview(user.RequireId(), clock.GetUtcNow().UtcDateTime));
        await TriageSteps.NotifyAsync(db, notifier, submission, "submission.review", M.SubmissionReviewNotice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TriageSteps.Decision(submission, null);
    }
}
