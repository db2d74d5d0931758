using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps the versions of a save's changes (<see cref="VersionStamper"/>) and adds their audit entries
/// (<see cref="AuditDiffer"/>); forgets those entries again when the save fails, so a retry does not write them twice.
/// </summary>
internal sealed class AuditRecorder(ICurrentUser user, TimeProvider clock)
{
    private List<AuditEntry> _pending = [];

    public void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var actorName = user.IsAuthenticated ? user.UserName ?? "?" : "system";
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or AuditChainHead or ProjectCodeCounter || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            VersionStamper.Stamp(entry);
            if (AuditDiffer.Diff(entry, now, user.Id, actorName) is { } audit)
            {
                entries.Add(audit);
            }
        }

        context.Set<AuditEntry>().AddRange(entries);
        _pending = entries;
    }

    public void DropPending(DbContext? context)
    {
        foreach (var entry in _pending)
        {
            if (context?.Entry(entry) is { } tracked)
            {
                tracked.State = EntityState.Detached;
            }
        }

        _pending = [];
    }
}
