using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.AddServiceRequestAttachment;

/// <summary>Adds files to a request the caller may read (staff, or the routed department's handlers), up to five on the request in all.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record AddServiceRequestAttachment(Guid RequestId, IReadOnlyList<UploadedFile> Files) : ICommand<IReadOnlyList<ServiceAttachmentDto>>;

public sealed class AddServiceRequestAttachmentValidator : AbstractValidator<AddServiceRequestAttachment>
{
    public AddServiceRequestAttachmentValidator()
    {
        RuleFor(x => x.Files).NotEmpty();
        ServiceRequestFiles.Rules(RuleFor(x => x.Files));
    }
}

public sealed class AddServiceRequestAttachmentHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock) : ICommandHandler<AddServiceRequestAttachment, IReadOnlyList<ServiceAttachmentDto>>
{
    public async ValueTask<IReadOnlyList<ServiceAttachmentDto>> Handle(AddServiceRequestAttachment command, CancellationToken cancellationToken)
    {
        var found = await ServiceRequestAccess.Readable(db, user).AsNoTracking()
            .Where(r => r.Id == command.RequestId)
            .Select(r => new { r.Id, Files = db.ServiceRequestAttachments.Count(a => a.RequestId == r.Id) })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ServiceRequest", command.RequestId);
        if (found.Files + command.Files.Count > AttachmentRules.MaxFiles)
        {
            throw new DomainRuleException(M.ServiceTooManyAttachments.Code, "A request takes at most five attachments.") { Args = new Dictionary<string, object?> { ["max"] = AttachmentRules.MaxFiles } };
        }

        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await ServiceRequestFiles.StoreAsync(db, store, found.Id, command.Files, me, now, cancellationToken);
        await ServiceRequestFiles.SaveOrDiscardAsync(db, store, stored, cancellationToken);
        return await db.ServiceRequestAttachments.AsNoTracking()
            .Where(a => a.RequestId == found.Id && a.UploadedById == me && a.UploadedAtUtc == now)
            .OrderBy(a => a.Id)
            .Select(a => new ServiceAttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc, null))
            .ToListAsync(cancellationToken);
    }
}
