using KunshanInvest.Application.Commitments;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Jobs.CheckCommitments;

/// <summary>
/// The daily check of agreement commitments (ADR 0012's shape): claims every commitment whose check date has passed
/// unmet and that was never flagged (<c>MissedFlaggedAtUtc</c>), tells its project's owner and every manager, queues
/// their e-mails and audits the run — in one transaction. A commitment is flagged once per promise: a rerun, a later
/// day or a second server finds it stamped, and one met later by a late verified figure is simply never claimed.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CheckCommitments : ICommand<JobResult>;

public sealed class CheckCommitmentsHandler(IAppDbContext db, IJobSql sql, TimeProvider clock) : ICommandHandler<CheckCommitments, JobResult>
{
    public async ValueTask<JobResult> Handle(CheckCommitments command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BureauCalendar.DateOf(now);
        var period = JobPeriods.Day(today);

        await using var transaction = await sql.BeginAsync(cancellationToken);
        var missed = CommitmentQuery.MissedUnflagged(db, today);

        // The stamp's condition is repeated outside the subquery: PostgreSQL re-checks only the outer condition on a row
        // a concurrent run changed meanwhile, which then claims nothing.
        await db.Commitments
            .Where(c => c.MissedFlaggedAtUtc == null && missed.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MissedFlaggedAtUtc, (DateTime?)now), cancellationToken);
        var told = await sql.InsertCommitmentNoticesAsync(now, period, now, cancellationToken);
        await sql.QueueEmailsAsync([JobKinds.CommitmentMissed], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.CommitmentCheck, period, told, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.CommitmentCheck, told);
    }
}
