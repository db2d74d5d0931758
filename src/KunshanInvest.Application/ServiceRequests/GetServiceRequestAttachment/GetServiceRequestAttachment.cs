using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Submissions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.GetServiceRequestAttachment;

/// <summary>A request's file, for whoever may read the request (another department's is a 404), downloaded as an attachment.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record GetServiceRequestAttachment(Guid RequestId, Guid AttachmentId) : IQuery<AttachmentFile>;

public sealed class GetServiceRequestAttachmentHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store) : IQueryHandler<GetServiceRequestAttachment, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(GetServiceRequestAttachment query, CancellationToken cancellationToken)
    {
        var readable = ServiceRequestAccess.Readable(db, user);
        var file = await (
                from a in db.ServiceRequestAttachments.AsNoTracking()
                where a.Id == query.AttachmentId && a.RequestId == query.RequestId
                      && readable.Any(r => r.Id == a.RequestId)
                select new { a.StoredName, a.FileName, a.ContentType })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ServiceRequestAttachment", query.AttachmentId);
        return new AttachmentFile(store.OpenRead(file.StoredName), file.FileName, file.ContentType);
    }
}
