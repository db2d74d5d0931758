using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

/// <summary>What the triage decisions share: load the submission tracked, tell the partner, answer with the decision.</summary>
internal static class TriageSteps
{
    public static async Task<PartnerSubmission> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Submission", id);

    public static Task NotifyAsync(IAppDbContext db, Notifier notifier, PartnerSubmission submission, string kind, Msg title, CancellationToken cancellationToken, Said? body = null) =>
        SubmissionConversation.NotifyPartnerAsync(db, notifier, submission.PartnerId, submission.Id, kind, title.With(("reference", submission.Reference)), body, cancellationToken);

    public static TriageDecision Decision(PartnerSubmission submission, string? projectCode) =>
        new(submission.Id, submission.Reference, submission.Status, submission.ProjectId, projectCode);
}
