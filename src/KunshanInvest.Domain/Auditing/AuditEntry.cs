namespace KunshanInvest.Domain.Auditing;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,

    /// <summary>The chain was verified (audit the auditors: docs/adr/0017).</summary>
    Verified = 3,

    /// <summary>Entries were exported.</summary>
    Exported = 4,

    /// <summary>Entries older than the retention period were purged up to an anchor.</summary>
    Purged = 5,
}

/// <summary>
/// One change to one entity: who, when, what, and each field's old → new value (JSON). Append only, and hash-chained:
/// <see cref="Sequence"/> is gap-free, <see cref="PreviousHash"/> is the hash of the entry before, <see cref="Hash"/>
/// covers both and every field (<see cref="AuditHash"/>), so an altered, deleted or reordered entry is detectable.
/// </summary>
public sealed class AuditEntry
{
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int ActorMaxLength = 256;

    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, Guid? actorId, string actorName, string entityType, string entityId, AuditAction action, string changes)
    {
        AtUtc = atUtc;
        ActorId = actorId;
        ActorName = actorName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON array of { field, old, new }.</summary>
    public string Changes { get; private set; } = "[]";

    /// <summary>Position in the chain, from 1; null only for a row written outside the chain (which verification reports).</summary>
    public long? Sequence { get; private set; }

    public string? PreviousHash { get; private set; }

    public string? Hash { get; private set; }

    /// <summary>Links the entry after the one whose hash is <paramref name="previousHash"/>; returns its own hash.</summary>
    public string Link(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
        return Hash;
    }
}
