namespace KunshanInvest.Application.Jobs;

/// <summary>
/// The set-based statements of the sweeps that EF Core's LINQ cannot write (INSERT … SELECT), per provider in
/// Infrastructure. Each method is one statement whatever the number of rows, and inserts only what is not already
/// recorded (NOT EXISTS on the effect key), so a repeat inserts nothing.
/// </summary>
public interface IJobSql
{
    /// <summary>Starts the transaction a sweep's claim, notices and e-mails share.</summary>
    Task<IJobTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>A reminder notice to the assignee of each open follow-up stamped as reminded on <paramref name="today"/>.</summary>
    Task<int> InsertRemindersAsync(DateOnly today, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>A notice to the owner of each project the stale sweep stamped at <paramref name="flaggedAtUtc"/>.</summary>
    Task<int> InsertStaleNoticesAsync(DateTime flaggedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// The notices of escalation <paramref name="level"/> for each project stamped at <paramref name="escalatedAtUtc"/>:
    /// 1 the owner; 2 the owner again and every manager; 3 every manager, proposing reassignment.
    /// </summary>
    Task<int> InsertEscalationNoticesAsync(int level, DateTime escalatedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>For each submission routed at <paramref name="routedAtUtc"/>: a notice to its sector's lead officer and an acknowledgement to the submitting partner user.</summary>
    Task<int> InsertRoutingNoticesAsync(DateTime routedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// For each commitment the daily check stamped at <paramref name="flaggedAtUtc"/>: a notice to its project's owner and
    /// to every active manager (the owner once, if a manager), keyed by the commitment.
    /// </summary>
    Task<int> InsertCommitmentNoticesAsync(DateTime flaggedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>An outbox e-mail for each notice of <paramref name="kinds"/> in <paramref name="period"/> that has none yet.</summary>
    Task<int> QueueEmailsAsync(IReadOnlyCollection<string> kinds, string period, DateTime nowUtc, CancellationToken cancellationToken);
}

public interface IJobTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
