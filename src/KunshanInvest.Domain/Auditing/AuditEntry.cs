namespace KunshanInvest.Domain.Auditing;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>One change to one entity: who, when, what, and each field's old → new value (JSON). Append only.</summary>
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
}
