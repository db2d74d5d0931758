using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>
/// Links the entries written before the chain existed (Sequence null, oldest Id first) into it, once: the first
/// start after the AuditChain migration stamps the head's SealedAtUtc, and later starts do nothing, so a row slipped
/// in outside the chain afterwards stays unchained and verification reports it. Runs under the head's lock, in
/// batches, in one transaction.
/// </summary>
public static class AuditChainSealer
{
    public const int BatchSize = 1000;

    public static async Task<int> SealAsync(AppDbContext db, SqlDialect dialect, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await AuditChainSql.LockAsync(db, dialect, cancellationToken);
        var sealedAt = await db.AuditChainHeads.AsNoTracking().Select(h => h.SealedAtUtc).SingleAsync(cancellationToken);
        if (sealedAt is not null)
        {
            return 0;
        }

        var (sequence, hash, sealedRows, lastId) = (locked.Sequence, locked.Hash, 0, 0L);
        while (true)
        {
            var batch = await db.AuditEntries
                .Where(e => e.Sequence == null && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                hash = entry.Link(++sequence, hash);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            (sealedRows, lastId) = (sealedRows + batch.Count, batch[^1].Id);
        }

        await db.AuditChainHeads.ExecuteUpdateAsync(
            s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, hash).SetProperty(h => h.SealedAtUtc, nowUtc),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sealedRows;
    }
}
