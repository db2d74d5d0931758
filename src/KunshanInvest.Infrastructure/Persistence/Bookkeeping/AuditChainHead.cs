using KunshanInvest.Domain.Auditing;

namespace KunshanInvest.Infrastructure.Persistence.Bookkeeping;

/// <summary>
/// The single row that serialises appends to the audit chain (each append locks it in its own transaction) and
/// remembers where the chain ends and where it starts: the last entry's sequence and hash (so deleting the newest
/// entries is detected), and the anchor, the last purged entry's sequence and hash (verification starts after it).
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    private AuditChainHead() { }

    public int Id { get; private set; } = SingletonId;

    /// <summary>Sequence of the newest entry; 0 for an empty chain.</summary>
    public long Sequence { get; private set; }

    /// <summary>Hash of the newest entry; <see cref="AuditHash.Genesis"/> for an empty chain.</summary>
    public string Hash { get; private set; } = AuditHash.Genesis;

    /// <summary>Sequence of the last purged entry; 0 when nothing was purged.</summary>
    public long AnchorSequence { get; private set; }

    /// <summary>Hash of the last purged entry: the previous hash the oldest kept entry must carry.</summary>
    public string AnchorHash { get; private set; } = AuditHash.Genesis;

    /// <summary>When entries written before the chain existed were linked into it (once, at the first start).</summary>
    public DateTime? SealedAtUtc { get; private set; }

    /// <summary>The row the migration inserts.</summary>
    public static AuditChainHead Empty() => new();
}
