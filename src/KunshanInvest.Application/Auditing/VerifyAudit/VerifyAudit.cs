using System.Globalization;
using System.Text.Json;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Auditing.VerifyAudit;

/// <summary>
/// 审计完整性校验: walks the hash chain in sequence order from the anchor (the last purged entry) to the head and
/// reports the first broken link. Admins and Auditors; the run itself is recorded as an audit entry (docs/adr/0017).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Auditor)]
public sealed record VerifyAudit(IProgress<AuditVerifyProgress>? Progress = null) : IQuery<AuditVerification>;

public enum AuditBreakKind
{
    /// <summary>The entry's fields no longer give its hash.</summary>
    Altered = 0,

    /// <summary>One or more sequence numbers are absent (a deleted entry).</summary>
    Missing = 1,

    /// <summary>The entry is intact but sits at another place than the one it was linked at.</summary>
    Reordered = 2,

    /// <summary>The entry's previous hash is not the hash of the entry before it (that one was replaced).</summary>
    BrokenLink = 3,

    /// <summary>The newest entries are gone: the head remembers more than the table holds.</summary>
    Truncated = 4,

    /// <summary>A row that was never linked (written around the application).</summary>
    Unchained = 5,
}

/// <summary>The first broken link: where (sequence, and the row's Id when there is a row), what, and a message saying so.</summary>
public sealed record AuditBreak(long Sequence, long? EntryId, AuditBreakKind Kind, Said Said)
{
    /// <summary>The sentence in the reader's language (the current UI culture).</summary>
    public string Detail => Said.ToString();

    /// <summary>The sentence in English, for logs and the audit record of the run.</summary>
    public string DetailEn => Said.Render(CultureInfo.GetCultureInfo("en-US"));
}

/// <summary>What a run found: entries checked, the range it covered, and the first break or none.</summary>
public sealed record AuditVerification(long RowsChecked, long FromSequence, long HeadSequence, AuditBreak? Break)
{
    public bool Intact => Break is null;

    /// <summary>What the run found, worded when read (the audit record of the run stores it so).</summary>
    public Said Said => Break is null
        ? M.AuditIntact.With(("rows", RowsChecked))
        : M.AuditBroken.With(("rows", RowsChecked), ("sequence", Break.Sequence),
            ("detail", new Bilingual(Break.Said.Render(Messages.DefaultCulture), Break.DetailEn)));

    /// <summary>In English, for logs and the command line.</summary>
    public string Summary => Break is null
        ? string.Create(CultureInfo.InvariantCulture, $"{RowsChecked} rows checked, chain intact")
        : string.Create(CultureInfo.InvariantCulture, $"{RowsChecked} rows checked, chain broken at sequence {Break.Sequence}{(Break.EntryId is { } id ? $" (id {id})" : "")}: {Break.Kind} — {Break.DetailEn}");
}

public sealed record AuditVerifyProgress(long Checked, long Total);

public sealed class VerifyAuditHandler(IAppDbContext db, IAuditChainHead chain, ICurrentUser user, TimeProvider clock) : IQueryHandler<VerifyAudit, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAudit query, CancellationToken cancellationToken)
    {
        var result = await AuditChainVerifier.VerifyAsync(db, chain, query.Progress, cancellationToken);
        var changes = JsonSerializer.Serialize(new[] { new { Field = "Result", Old = (string?)null, New = (string?)SaidJson.WriteSaid(result.Said) } });
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.Id, user.IsAuthenticated ? user.UserName ?? "?" : "system", AuditChainVerifier.EntityType, "verify", AuditAction.Verified, changes));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}

/// <summary>The check itself, in keyset batches by sequence: memory stays constant however long the chain.</summary>
public static class AuditChainVerifier
{
    public const int DefaultBatchSize = 1000;

    /// <summary>The entity type of the entries that record verifications, exports and purges of the trail itself.</summary>
    public const string EntityType = "AuditLog";

    /// <summary>How far either side a failing entry is tried at other places, to tell a move from an alteration.</summary>
    private const int ReorderWindow = 64;

    public static async Task<AuditVerification> VerifyAsync(IAppDbContext db, IAuditChainHead chain, IProgress<AuditVerifyProgress>? progress, CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        var head = await chain.ReadAsync(cancellationToken);
        var from = head.AnchorSequence + 1;
        var total = head.Sequence - head.AnchorSequence;
        var expected = from;
        var previous = head.AnchorHash;
        long rows = 0;
        long? lastId = null;

        AuditVerification Broken(long sequence, long? id, AuditBreakKind kind, Said detail) =>
            new(rows, from, head.Sequence, new AuditBreak(sequence, id, kind, detail));

        while (expected <= head.Sequence)
        {
            var after = expected - 1;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after && e.Sequence <= head.Sequence)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                var sequence = entry.Sequence!.Value;
                if (sequence != expected)
                {
                    return Broken(expected, entry.Id, AuditBreakKind.Missing, M.AuditMissing.With(("from", expected), ("to", sequence - 1), ("id", entry.Id), ("sequence", sequence)));
                }

                if (AuditHash.Compute(entry) != entry.Hash)
                {
                    return MovedFrom(entry) is { } original
                        ? Broken(sequence, entry.Id, AuditBreakKind.Reordered, M.AuditReordered.With(("id", entry.Id), ("original", original)))
                        : Broken(sequence, entry.Id, AuditBreakKind.Altered, M.AuditAltered.With(("id", entry.Id)));
                }

                if (entry.PreviousHash != previous)
                {
                    return Broken(sequence, entry.Id, AuditBreakKind.BrokenLink, M.AuditBrokenLink.With(("id", entry.Id), ("previous", sequence - 1)));
                }

                previous = entry.Hash!;
                lastId = entry.Id;
                expected++;
                rows++;
            }

            progress?.Report(new AuditVerifyProgress(rows, total));
        }

        if (expected <= head.Sequence)
        {
            return Broken(expected, null, AuditBreakKind.Truncated, M.AuditTruncated.With(("from", expected), ("to", head.Sequence)));
        }

        if (previous != head.Hash)
        {
            return Broken(head.Sequence, lastId, AuditBreakKind.Altered, M.AuditHeadMismatch);
        }

        // An entry numbered past the head was not appended by the application (an append moves the head in its own
        // transaction). Read the newest entry first and the head after it, so appends committed meanwhile are covered.
        var beyond = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > head.Sequence).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Id, e.Sequence }).FirstOrDefaultAsync(cancellationToken);
        if (beyond is not null)
        {
            var now = await chain.SequenceAsync(cancellationToken);
            if (beyond.Sequence > now)
            {
                return Broken(beyond.Sequence!.Value, beyond.Id, AuditBreakKind.Unchained, M.AuditBeyondHead.With(("id", beyond.Id), ("sequence", beyond.Sequence), ("head", now)));
            }
        }

        var unchained = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (unchained is { } id)
        {
            return Broken(0, id, AuditBreakKind.Unchained, M.AuditUnchained.With(("id", id)));
        }

        progress?.Report(new AuditVerifyProgress(rows, total));
        return new AuditVerification(rows, from, head.Sequence, null);
    }

    /// <summary>The sequence an entry whose hash fails here was linked at, if it is intact there (a swap or renumbering).</summary>
    private static long? MovedFrom(AuditEntry entry)
    {
        var sequence = entry.Sequence!.Value;
        for (var offset = 1; offset <= ReorderWindow; offset++)
        {
            foreach (var candidate in new[] { sequence - offset, sequence + offset })
            {
                if (candidate > 0 && AuditHash.Compute(candidate, entry.PreviousHash ?? AuditHash.Genesis, entry.AtUtc, entry.ActorId, entry.ActorName, entry.EntityType, entry.EntityId, entry.Action, entry.Changes) == entry.Hash)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
