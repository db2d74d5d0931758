using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Figures;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures;

internal static class FigureAccess
{
    /// <summary>An entry for a change at the version the caller read (a stale one is a 409 at the save).</summary>
    public static async Task<FigureEntry> LoadAsync(IAppDbContext db, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var entry = await db.FigureEntries.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("FigureEntry", id);
        if (entry.Version != expectedVersion)
        {
            throw new ConflictException(M.FigureVersionStale);
        }

        db.ExpectVersion(entry, expectedVersion);
        return entry;
    }

    /// <summary>Stores the evidence's bytes under a generated name and records it on the entry; returns the stored name.</summary>
    public static async Task<string?> AttachAsync(IAttachmentStore store, FigureEntry entry, EvidenceType? type, UploadedFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        var stored = await store.SaveAsync(file.Content, cancellationToken);
        entry.AttachEvidence(type ?? EvidenceType.Other, AttachmentRules.SafeName(file.FileName), stored, AttachmentRules.ContentTypes[Path.GetExtension(file.FileName)], file.Content.LongLength);
        return stored;
    }
}
