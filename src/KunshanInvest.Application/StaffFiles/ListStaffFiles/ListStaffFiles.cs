using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.StaffFiles.ListStaffFiles;

/// <summary>
/// The files of a project or an enterprise — with those of its visits, so the page shows one list and the timeline its
/// photos — or of one visit; newest first. Staff and auditors (read-only); three statements whatever the count.
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Auditor}")]
public sealed record ListStaffFiles(AttachmentOwnerKind OwnerKind, Guid OwnerId) : IQuery<IReadOnlyList<StaffFileDto>>;

public sealed class ListStaffFilesHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : IQueryHandler<ListStaffFiles, IReadOnlyList<StaffFileDto>>
{
    public async ValueTask<IReadOnlyList<StaffFileDto>> Handle(ListStaffFiles query, CancellationToken cancellationToken)
    {
        if (!await StaffFileRules.OwnerExistsAsync(db, query.OwnerKind, query.OwnerId, cancellationToken))
        {
            throw new NotFoundException(StaffFileRules.OwnerEntity(query.OwnerKind), query.OwnerId);
        }

        var id = query.OwnerId;
        var files = db.StaffAttachments.AsNoTracking();
        files = query.OwnerKind switch
        {
            AttachmentOwnerKind.Project => files.Where(a => (a.OwnerKind == AttachmentOwnerKind.Project && a.OwnerId == id)
                || (a.OwnerKind == AttachmentOwnerKind.Interaction && db.Interactions.Any(i => i.Id == a.OwnerId && i.ProjectId == id))),
            AttachmentOwnerKind.Enterprise => files.Where(a => (a.OwnerKind == AttachmentOwnerKind.Enterprise && a.OwnerId == id)
                || (a.OwnerKind == AttachmentOwnerKind.Interaction && db.Interactions.Any(i => i.Id == a.OwnerId && i.EnterpriseId == id))),
            _ => files.Where(a => a.OwnerKind == AttachmentOwnerKind.Interaction && a.OwnerId == id),
        };

        var me = user.Id;
        var manager = user.IsManagerOrAdmin();
        var rows = await files
            .OrderByDescending(a => a.UploadedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new StaffFileDto(a.Id, a.OwnerKind, a.OwnerId, a.Category, a.FileName, a.ContentType, a.SizeBytes, a.Width, a.Height,
                a.UploadedById, null, a.UploadedAtUtc, manager || a.UploadedById == me))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        var names = await users.DisplayNamesAsync(rows.Select(r => r.UploadedById).Distinct(), cancellationToken);
        return [.. rows.Select(r => r with { UploadedByName = names.GetValueOrDefault(r.UploadedById), CanDelete = r.CanDelete && user.IsStaff() })];
    }
}
