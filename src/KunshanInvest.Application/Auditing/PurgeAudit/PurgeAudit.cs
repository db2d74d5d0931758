using System.Globalization;
using System.Text.Json;
using KunshanInvest.Application.Auditing.VerifyAudit;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Auditing.PurgeAudit;

/// <summary>
/// 审计保留: deletes the oldest entries older than Audit:RetentionDays (never fewer than 184 days), as a prefix of the
/// chain, and moves the head's anchor to the last one deleted, so the entries kept still verify. A broken chain is
/// not purged (the evidence stays). The purge is itself recorded as an audit entry.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record PurgeAudit : ICommand<JobResult>;

public sealed class PurgeAuditHandler(IAppDbContext db, IAuditChainHead chain, IJobSql sql, IOptions<AuditOptions> options, TimeProvider clock) : ICommandHandler<PurgeAudit, JobResult>
{
    public async ValueTask<JobResult> Handle(PurgeAudit command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = Math.Max(options.Value.RetentionDays, AuditOptions.MinimumRetentionDays);
        var cutoff = now.AddDays(-days);

        // Verified before the head is locked, so appends are not held up for the walk.
        var verification = await AuditChainVerifier.VerifyAsync(db, chain, null, cancellationToken);
        if (!verification.Intact)
        {
            return new JobResult(JobNames.AuditRetention, 0);
        }

        await using var transaction = await sql.BeginAsync(cancellationToken);

        var head = await chain.LockAsync(cancellationToken);

        // The prefix ends before the oldest entry still inside the retention period, and within what was verified.
        var firstKept = await db.AuditEntries
            .Where(e => e.Sequence > head.AnchorSequence && e.AtUtc >= cutoff)
            .MinAsync(e => e.Sequence, cancellationToken);
        var last = Math.Min((firstKept ?? head.Sequence + 1) - 1, verification.HeadSequence);
        if (last <= head.AnchorSequence)
        {
            return new JobResult(JobNames.AuditRetention, 0);
        }

        var anchorHash = await db.AuditEntries.Where(e => e.Sequence == last).Select(e => e.Hash).SingleAsync(cancellationToken);
        var purged = await db.AuditEntries.Where(e => e.Sequence <= last).ExecuteDeleteAsync(cancellationToken);
        await chain.MoveAnchorAsync(last, anchorHash!, cancellationToken);

        var changes = JsonSerializer.Serialize(new[]
        {
            new { Field = "Purged", Old = (string?)null, New = (string?)purged.ToString(CultureInfo.InvariantCulture) },
            new { Field = "AnchorSequence", Old = (string?)head.AnchorSequence.ToString(CultureInfo.InvariantCulture), New = (string?)last.ToString(CultureInfo.InvariantCulture) },
            new { Field = "RetentionDays", Old = (string?)null, New = (string?)days.ToString(CultureInfo.InvariantCulture) },
        });
        db.AuditEntries.Add(new AuditEntry(now, null, "system", AuditChainVerifier.EntityType, "purge", AuditAction.Purged, changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.AuditRetention, purged);
    }
}
