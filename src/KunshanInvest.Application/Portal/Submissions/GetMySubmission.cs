using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>One of the caller's organisation's submissions; any other id is 404.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMySubmission(Guid Id) : IQuery<MySubmissionDto>;

public sealed class GetMySubmissionHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : IQueryHandler<GetMySubmission, MySubmissionDto>
{
    public async ValueTask<MySubmissionDto> Handle(GetMySubmission query, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        var s = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == query.Id && s.PartnerId == partnerId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Submission", query.Id);
        var sector = await db.Sectors.AsNoTracking().Where(x => x.Id == s.SectorId).Select(x => new { x.NameZh, x.NameEn }).SingleAsync(cancellationToken);
        var timeline = await db.SubmissionStatusChanges.AsNoTracking()
            .Where(c => c.SubmissionId == s.Id)
            .OrderBy(c => c.AtUtc)
            .Select(c => new StatusStep(c.Status, c.AtUtc, c.Status == SubmissionStatus.Rejected ? c.Note : null))
            .ToListAsync(cancellationToken);
        var messages = await SubmissionConversation.MessagesAsync(db, users, s.Id, includeInternal: false, cancellationToken);
        var attachments = await SubmissionConversation.AttachmentsAsync(db, s.Id, cancellationToken);
        return new MySubmissionDto(s.Id, s.Reference, s.Status, s.EnterpriseNameZh, s.EnterpriseNameEn, s.Country, s.CreditCode, s.Summary, s.SectorId, sector.NameZh,
            MoneyDto.From(s.EstimatedInvestment), s.LandMu, s.ExpectedJobs, s.ContactName, s.ContactPhone, s.ContactEmail, s.SubmittedAtUtc, s.AlreadyReported, s.RejectReason,
            timeline, messages, attachments, sector.NameEn);
    }
}
