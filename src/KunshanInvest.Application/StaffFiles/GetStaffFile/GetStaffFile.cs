using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Submissions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.StaffFiles.GetStaffFile;

/// <summary>A staff file's bytes, for staff and auditors only (a partner or department user never reaches it), downloaded as an attachment.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Auditor}")]
public sealed record GetStaffFile(Guid Id) : IQuery<AttachmentFile>;

public sealed class GetStaffFileHandler(IAppDbContext db, IAttachmentStore store) : IQueryHandler<GetStaffFile, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(GetStaffFile query, CancellationToken cancellationToken)
    {
        var file = await db.StaffAttachments.AsNoTracking()
            .Where(a => a.Id == query.Id)
            .Select(a => new { a.StoredName, a.FileName, a.ContentType })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("StaffAttachment", query.Id);
        return new AttachmentFile(store.OpenRead(file.StoredName), file.FileName, file.ContentType);
    }
}
