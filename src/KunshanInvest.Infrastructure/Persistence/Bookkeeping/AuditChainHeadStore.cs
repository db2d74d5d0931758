using KunshanInvest.Application.Auditing;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence.Bookkeeping;

/// <summary>The head row through the request's own DbContext, so its reads and updates join the caller's transaction.</summary>
internal sealed class AuditChainHeadStore(AppDbContext db) : IAuditChainHead
{
    public Task<AuditChainPosition> ReadAsync(CancellationToken cancellationToken) =>
        db.AuditChainHeads.AsNoTracking()
            .Select(h => new AuditChainPosition(h.Sequence, h.Hash, h.AnchorSequence, h.AnchorHash))
            .SingleAsync(cancellationToken);

    public async Task<AuditChainPosition> LockAsync(CancellationToken cancellationToken)
    {
        // A no-op UPDATE locks the head (PostgreSQL's row lock, SQLite's write lock) before it is read.
        await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.AnchorSequence, h => h.AnchorSequence), cancellationToken);
        return await ReadAsync(cancellationToken);
    }

    public Task<long> SequenceAsync(CancellationToken cancellationToken) =>
        db.AuditChainHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync(cancellationToken);

    public Task MoveAnchorAsync(long sequence, string hash, CancellationToken cancellationToken) =>
        db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.AnchorSequence, sequence).SetProperty(h => h.AnchorHash, hash), cancellationToken);
}
