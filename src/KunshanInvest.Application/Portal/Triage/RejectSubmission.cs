using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;

namespace KunshanInvest.Application.Portal.Triage;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RejectSubmission(Guid Id, string? Reason) : ICommand<TriageDecision>;

public sealed class RejectSubmissionValidator : AbstractValidator<RejectSubmission>
{
    public RejectSubmissionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMsg(M.SubmissionReasonRequired).MaximumLength(PartnerSubmission.ReasonMaxLength);
}

public sealed class RejectSubmissionHandler(IAppDbContext db, ICurrentUser user, Notifier notifier, TimeProvider clock) : ICommandHandler<RejectSubmission, TriageDecision>
{
    public async ValueTask<TriageDecision> Handle(RejectSubmission command, CancellationToken cancellationToken)
    {
        var submission = await TriageSteps.LoadAsync(db, command.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.SubmissionStatusChanges.Add(submission.Reject(command.Reason!, user.RequireId(), now));
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.Void(now), cancellationToken);
        await TriageSteps.NotifyAsync(db, notifier, submission, "submission.rejected", M.SubmissionRejectedNotice, cancellationToken, submission.RejectReason is { } reason ? M.RejectReasonNotice.With(("reason", reason)) : null);
        await db.SaveChangesAsync(cancellationToken);
        return TriageSteps.Decision(submission, null);
    }
}
