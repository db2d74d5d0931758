using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

public sealed record TriageSubmissionDto(TriageItem Item, MySubmissionDto Submission, Guid? ProjectId, string? ProjectCode, IReadOnlyList<MessageDto> Conversation);

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetTriageSubmission(Guid Id) : IQuery<TriageSubmissionDto>;

public sealed class GetTriageSubmissionHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<GetTriageSubmission, TriageSubmissionDto>
{
    public async ValueTask<TriageSubmissionDto> Handle(GetTriageSubmission query, CancellationToken cancellationToken)
    {
        var item = await TriageItems.Items(db, s => s.Id == query.Id).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Submission", query.Id);
        var s = await db.Submissions.AsNoTracking().SingleAsync(x => x.Id == query.Id, cancellationToken);
        var timeline = await db.SubmissionStatusChanges.AsNoTracking().Where(c => c.SubmissionId == s.Id).OrderBy(c => c.AtUtc)
            .Select(c => new StatusStep(c.Status, c.AtUtc, c.Note)).ToListAsync(cancellationToken);
        var conversation = await SubmissionConversation.MessagesAsync(db, users, s.Id, includeInternal: true, cancellationToken);
        var attachments = await SubmissionConversation.AttachmentsAsync(db, s.Id, cancellationToken);
        var projectCode = s.ProjectId is { } pid ? await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken) : null;
        var submission = new MySubmissionDto(s.Id, s.Reference, s.Status, s.EnterpriseNameZh, s.EnterpriseNameEn, s.Country, s.CreditCode, s.Summary, s.SectorId, item.SectorName,
            MoneyDto.From(s.EstimatedInvestment), s.LandMu, s.ExpectedJobs, s.ContactName, s.ContactPhone, s.ContactEmail, s.SubmittedAtUtc, s.AlreadyReported, s.RejectReason,
            timeline, [.. conversation.Where(m => !m.IsInternal)], attachments, item.SectorNameEn);
        return new TriageSubmissionDto(item, submission, s.ProjectId, projectCode, conversation);
    }
}
