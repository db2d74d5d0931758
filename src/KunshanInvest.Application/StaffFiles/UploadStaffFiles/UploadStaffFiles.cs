using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Files;
using Mediator;

namespace KunshanInvest.Application.StaffFiles.UploadStaffFiles;

/// <summary>
/// Attaches up to five files to a project, an enterprise or a visit (ADR 0037). Any staff member may add one, as any may
/// record a visit. Images are re-encoded first (bounded JPEG, no EXIF/GPS; a bomb is a 422 before anything is written);
/// the bytes go to the store under generated names and the rows are saved in one unit — or the files are deleted again.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UploadStaffFiles(AttachmentOwnerKind OwnerKind, Guid OwnerId, StaffFileCategory? Category, IReadOnlyList<UploadedFile> Files)
    : ICommand<IReadOnlyList<StaffFileDto>>;

public sealed class UploadStaffFilesValidator : AbstractValidator<UploadStaffFiles>
{
    public UploadStaffFilesValidator()
    {
        RuleFor(x => x.OwnerKind).IsInEnum();
        RuleFor(x => x.OwnerId).NotEmpty();
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Files).NotEmpty();
        StaffFileRules.Files(RuleFor(x => x.Files));
    }
}

public sealed class UploadStaffFilesHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, IPhotoNormaliser photos, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<UploadStaffFiles, IReadOnlyList<StaffFileDto>>
{
    public async ValueTask<IReadOnlyList<StaffFileDto>> Handle(UploadStaffFiles command, CancellationToken cancellationToken)
    {
        if (!await StaffFileRules.OwnerExistsAsync(db, command.OwnerKind, command.OwnerId, cancellationToken))
        {
            throw new NotFoundException(StaffFileRules.OwnerEntity(command.OwnerKind), command.OwnerId);
        }

        // Every image is decoded (or refused) before the first byte is written.
        var prepared = command.Files.Select(Prepare).ToList();

        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new List<string>(prepared.Count);
        var added = new List<StaffAttachment>(prepared.Count);
        try
        {
            foreach (var file in prepared)
            {
                var name = await store.SaveAsync(file.Content, cancellationToken);
                stored.Add(name);
                var category = command.Category ?? (file.Width is null ? StaffFileCategory.Other : StaffFileCategory.Photo);
                var row = new StaffAttachment(command.OwnerKind, command.OwnerId, category, file.FileName, name, file.ContentType, file.Content.LongLength, file.Width, file.Height, me, now);
                db.StaffAttachments.Add(row);
                added.Add(row);
            }
        }
        catch
        {
            stored.ForEach(store.Delete);
            throw;
        }

        await store.SaveChangesOrDiscardAsync(db, stored, cancellationToken);
        var names = await users.DisplayNamesAsync([me], cancellationToken);
        return [.. added.Select(a => new StaffFileDto(a.Id, a.OwnerKind, a.OwnerId, a.Category, a.FileName, a.ContentType, a.SizeBytes, a.Width, a.Height, me, names.GetValueOrDefault(me), now, true))];
    }

    private sealed record Prepared(string FileName, string ContentType, byte[] Content, int? Width, int? Height);

    private Prepared Prepare(UploadedFile file)
    {
        var name = AttachmentRules.SafeName(file.FileName);
        var type = AttachmentRules.ContentTypes[Path.GetExtension(file.FileName)];
        if (!type.StartsWith("image/", StringComparison.Ordinal))
        {
            return new Prepared(name, type, file.Content, null, null);
        }

        var photo = photos.Normalise(name, file.Content);
        return new Prepared(Path.ChangeExtension(name, ".jpg"), "image/jpeg", photo.Jpeg, photo.Width, photo.Height);
    }
}
