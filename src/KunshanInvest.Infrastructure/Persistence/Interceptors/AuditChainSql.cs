using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The one statement an append adds: a no-op UPDATE of the chain head that returns its sequence and hash. The UPDATE
/// takes the row's write lock (PostgreSQL, SQL Server) or the database's (SQLite) until the transaction ends, so two
/// transactions appending at once run one after the other: neither forks the chain nor leaves a gap. The head's new
/// values then ride in EF's own batch, rolled back with it when the save fails.
/// </summary>
internal static class AuditChainSql
{
    public sealed record HeadRow(long Sequence, string Hash);

    public static string LockStatement(SqlDialect dialect) =>
        dialect.UpdateReturning("AuditChainHeads", "\"Sequence\" = \"Sequence\"", "\"Id\" = 1", "Sequence", "Hash");

    public static HeadRow Lock(DbContext context, SqlDialect dialect)
    {
        foreach (var row in context.Database.SqlQueryRaw<HeadRow>(LockStatement(dialect)).AsEnumerable())
        {
            return row;
        }

        throw MissingHead();
    }

    public static async Task<HeadRow> LockAsync(DbContext context, SqlDialect dialect, CancellationToken cancellationToken)
    {
        HeadRow? head = null;
        await foreach (var row in context.Database.SqlQueryRaw<HeadRow>(LockStatement(dialect)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            head ??= row;
        }

        return head ?? throw MissingHead();
    }

    /// <summary>Records the new end of the chain on the tracked head, so EF writes it in the same batch as the entries.</summary>
    public static void Advance(DbContext context, HeadRow locked, long sequence, string hash)
    {
        var entry = context.ChangeTracker.Entries<AuditChainHead>().FirstOrDefault() ?? context.Attach(AuditChainHead.Empty());
        var sequenceProperty = entry.Property(h => h.Sequence);
        var hashProperty = entry.Property(h => h.Hash);
        sequenceProperty.OriginalValue = locked.Sequence;
        hashProperty.OriginalValue = locked.Hash;
        sequenceProperty.CurrentValue = sequence;
        hashProperty.CurrentValue = hash;
        sequenceProperty.IsModified = true;
        hashProperty.IsModified = true;
    }

    public static void Forget(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static InvalidOperationException MissingHead() =>
        new("The audit chain head row is missing: apply the AuditChain migration.");
}
