using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.StaffFiles.DeleteStaffFile;

/// <summary>
/// Removes a file: its uploader or a manager (admin) only; the row's deletion is audited by the save. The bytes are
/// deleted after the commit, so a failed save loses nothing.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record DeleteStaffFile(Guid Id) : ICommand;

public sealed class DeleteStaffFileHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store) : ICommandHandler<DeleteStaffFile>
{
    public async ValueTask<Unit> Handle(DeleteStaffFile command, CancellationToken cancellationToken)
    {
        var file = await db.StaffAttachments.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("StaffAttachment", command.Id);
        if (file.UploadedById != user.RequireId() && !user.IsManagerOrAdmin())
        {
            throw new ForbiddenAccessException(M.StaffFileDeleteForbidden);
        }

        db.StaffAttachments.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(file.StoredName);
        return Unit.Value;
    }
}
