using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Files;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.StaffFiles;

/// <summary>The portal's safe-upload rules applied to staff files, the owner lookup, and the all-or-nothing save.</summary>
internal static class StaffFileRules
{
    /// <summary>The files' shape (400): count, type, size, content matching the extension (magic bytes).</summary>
    public static void Files<T>(IRuleBuilder<T, IReadOnlyList<UploadedFile>?> rule) =>
        rule.Custom((files, context) =>
        {
            if (files is null || files.Count == 0)
            {
                return;
            }

            if (files.Count > AttachmentRules.MaxFiles)
            {
                context.AddFailure(FieldError.Failure("files", M.StaffFileTooMany.With(("max", AttachmentRules.MaxFiles))));
                return;
            }

            foreach (var file in files)
            {
                var problem = file is null ? M.AttachmentEmpty.With(("file", "?")) : AttachmentRules.Problem(file.FileName, file.Content);
                if (problem is not null)
                {
                    context.AddFailure(FieldError.Failure("files", problem));
                    return;
                }
            }
        });

    /// <summary>Whether the owner exists (one statement). Staff read every project, enterprise and visit; the roles gate the rest.</summary>
    public static Task<bool> OwnerExistsAsync(IAppDbContext db, AttachmentOwnerKind kind, Guid id, CancellationToken cancellationToken) => kind switch
    {
        AttachmentOwnerKind.Project => db.Projects.AnyAsync(p => p.Id == id, cancellationToken),
        AttachmentOwnerKind.Enterprise => db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken),
        AttachmentOwnerKind.Interaction => db.Interactions.AnyAsync(i => i.Id == id, cancellationToken),
        _ => throw FieldError.Invalid("ownerKind", M.StaffFileOwnerKind),
    };

    public static string OwnerEntity(AttachmentOwnerKind kind) => kind switch
    {
        AttachmentOwnerKind.Project => "Project",
        AttachmentOwnerKind.Enterprise => "Enterprise",
        _ => "Interaction",
    };

    /// <summary>Saves the unit of work; should it fail, every file written for it is deleted (nothing half-saved).</summary>
    public static async Task SaveChangesOrDiscardAsync(this IAttachmentStore store, IAppDbContext db, IReadOnlyList<string> stored, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var name in stored)
            {
                store.Delete(name);
            }

            throw;
        }
    }
}
