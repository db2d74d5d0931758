using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Services;

namespace KunshanInvest.Application.ServiceRequests;

/// <summary>A request's files, under the portal's safe-upload rules: at most five, each checked by its magic bytes.</summary>
internal static class ServiceRequestFiles
{
    /// <summary>The files' shape (400): count, type, size, content matching the extension.</summary>
    public static void Rules<T>(IRuleBuilder<T, IReadOnlyList<UploadedFile>?> rule) =>
        rule.Custom((files, context) =>
        {
            if (files is null)
            {
                return;
            }

            if (files.Count > AttachmentRules.MaxFiles)
            {
                context.AddFailure(FieldError.Failure("files", M.ServiceTooManyAttachments.With(("max", AttachmentRules.MaxFiles))));
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

    /// <summary>Writes the files under generated names and adds their rows; returns the stored names (to discard on a failed save).</summary>
    public static async Task<List<string>> StoreAsync(Common.IAppDbContext db, IAttachmentStore store, Guid requestId, IReadOnlyList<UploadedFile> files, Guid byUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var stored = new List<string>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var name = await store.SaveAsync(file.Content, cancellationToken);
                stored.Add(name);
                db.ServiceRequestAttachments.Add(new ServiceRequestAttachment(
                    requestId, AttachmentRules.SafeName(file.FileName), name, AttachmentRules.ContentTypes[Path.GetExtension(file.FileName)], file.Content.LongLength, byUserId, nowUtc));
            }
        }
        catch
        {
            Discard(store, stored);
            throw;
        }

        return stored;
    }

    /// <summary>Saves the unit of work; should it fail, every file written for it is deleted.</summary>
    public static async Task SaveOrDiscardAsync(Common.IAppDbContext db, IAttachmentStore store, List<string> stored, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            Discard(store, stored);
            throw;
        }
    }

    private static void Discard(IAttachmentStore store, List<string> stored)
    {
        foreach (var name in stored)
        {
            store.Delete(name);
        }
    }
}
