using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KunshanInvest.Domain.Auditing;

/// <summary>
/// The audit chain's hash: SHA-256, lower-case hex, over a canonical encoding of an entry. Version 1 is
/// <c>KI-AUDIT-1</c> followed by each field as a netstring (<c>length:value,</c>, length in UTF-8 bytes; a null is
/// <c>-:,</c>), in this order: sequence, previous hash, instant (UTC ticks, cut to whole microseconds because
/// PostgreSQL keeps no more), actor id (<c>D</c> format), actor name, entity type, entity id, action (number), changes.
/// Numbers are invariant decimal, so the hash never depends on the culture; a new encoding gets a new version tag.
/// </summary>
public static class AuditHash
{
    public const string Version = "KI-AUDIT-1";

    /// <summary>The previous hash of the first entry ever written (and of an empty chain's head).</summary>
    public static readonly string Genesis = new('0', 64);

    public const int Length = 64;

    public static string Compute(AuditEntry entry) => Compute(
        entry.Sequence ?? throw new InvalidOperationException("An entry gets its hash when it is linked."),
        entry.PreviousHash ?? Genesis,
        entry.AtUtc,
        entry.ActorId,
        entry.ActorName,
        entry.EntityType,
        entry.EntityId,
        entry.Action,
        entry.Changes);

    public static string Compute(long sequence, string previousHash, DateTime atUtc, Guid? actorId, string actorName, string entityType, string entityId, AuditAction action, string changes)
    {
        var text = new StringBuilder(Version.Length + changes.Length + 256).Append(Version);
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, previousHash);
        Field(text, Microseconds(atUtc).ToString(CultureInfo.InvariantCulture));
        Field(text, actorId?.ToString("D"));
        Field(text, actorName);
        Field(text, entityType);
        Field(text, entityId);
        Field(text, ((int)action).ToString(CultureInfo.InvariantCulture));
        Field(text, changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Ticks of the instant, cut to whole microseconds (the finest precision every provider stores).</summary>
    public static long Microseconds(DateTime atUtc) => atUtc.Ticks - (atUtc.Ticks % 10);

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-:,");
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(',');
    }
}
