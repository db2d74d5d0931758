using KunshanInvest.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Links every new <see cref="AuditEntry"/> of a save (the interceptor's own and those handlers add, such as the
/// jobs' one-per-run rows) into the hash chain after the head it locks (<see cref="AuditChainSql"/>).
/// </summary>
internal sealed class AuditChainAppender(SqlDialect dialect)
{
    /// <summary>New entries in the order they were added; each is (re)linked on every attempt to save.</summary>
    public static List<AuditEntry> Unlinked(DbContext? context) => context is null
        ? []
        : [.. context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    public void Append(DbContext context, List<AuditEntry> entries) => Link(context, entries, AuditChainSql.Lock(context, dialect));

    public async Task AppendAsync(DbContext context, List<AuditEntry> entries, CancellationToken cancellationToken) =>
        Link(context, entries, await AuditChainSql.LockAsync(context, dialect, cancellationToken));

    /// <summary>Stops tracking the head once the save has ended, however it ended.</summary>
    public static void Forget(DbContext context) => AuditChainSql.Forget(context);

    private static void Link(DbContext context, List<AuditEntry> entries, AuditChainSql.HeadRow head)
    {
        var sequence = head.Sequence;
        var hash = head.Hash;
        foreach (var entry in entries)
        {
            hash = entry.Link(++sequence, hash);
        }

        AuditChainSql.Advance(context, head, sequence, hash);
    }
}
