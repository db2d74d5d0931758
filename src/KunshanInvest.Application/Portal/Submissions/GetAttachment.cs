using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>An attachment of a submission: the submitting organisation's members, or bureau staff. Anyone else gets 404.</summary>
[AuthorizeRequest(Roles = $"{Roles.Partner},{Roles.Staff}")]
public sealed record GetAttachment(Guid SubmissionId, Guid AttachmentId) : IQuery<AttachmentFile>;

public sealed class GetAttachmentHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store) : IQueryHandler<GetAttachment, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(GetAttachment query, CancellationToken cancellationToken)
    {
        var attachments = db.SubmissionAttachments.AsNoTracking().Where(a => a.Id == query.AttachmentId && a.SubmissionId == query.SubmissionId);
        if (!user.IsStaff())
        {
            var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
            attachments = attachments.Where(a => a.PartnerId == partnerId);
        }

        var attachment = await attachments.Select(a => new { a.StoredName, a.FileName, a.ContentType }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
        return new AttachmentFile(store.OpenRead(attachment.StoredName), attachment.FileName, attachment.ContentType);
    }
}
