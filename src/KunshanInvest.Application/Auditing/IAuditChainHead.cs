namespace KunshanInvest.Application.Auditing;

/// <summary>Where the audit chain ends (its newest entry) and starts (after the last purged entry), as its head records it.</summary>
public sealed record AuditChainPosition(long Sequence, string Hash, long AnchorSequence, string AnchorHash);

/// <summary>The audit chain's head row: persistence bookkeeping that Infrastructure keeps, read and moved through this port.</summary>
public interface IAuditChainHead
{
    Task<AuditChainPosition> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Locks the head until the transaction ends (PostgreSQL's row lock, SQLite's write lock), then reads it.</summary>
    Task<AuditChainPosition> LockAsync(CancellationToken cancellationToken);

    /// <summary>The newest entry's sequence as committed now.</summary>
    Task<long> SequenceAsync(CancellationToken cancellationToken);

    /// <summary>Starts the chain after the entry <paramref name="sequence"/> with <paramref name="hash"/> (the last one purged).</summary>
    Task MoveAnchorAsync(long sequence, string hash, CancellationToken cancellationToken);
}
