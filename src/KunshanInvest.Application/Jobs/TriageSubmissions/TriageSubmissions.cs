using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Jobs.TriageSubmissions;

/// <summary>
/// Triage on arrival of a partner submission: the duplicate check already ran at submission (its matches are on the
/// row); this routes each new, unrouted submission to its sector's lead officer (a notice with the match named) and
/// acknowledges it to the partner user who submitted it (notice and e-mail). Queued when a submission arrives, and run
/// on a schedule as the safety net.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record TriageSubmissions : ICommand<JobResult>;

public sealed class TriageSubmissionsHandler(IAppDbContext db, IJobSql sql, TimeProvider clock) : ICommandHandler<TriageSubmissions, JobResult>
{
    public async ValueTask<JobResult> Handle(TriageSubmissions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));

        await using var transaction = await sql.BeginAsync(cancellationToken);
        await db.Submissions
            .Where(s => s.RoutedAtUtc == null && s.Status == SubmissionStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RoutedAtUtc, (DateTime?)now), cancellationToken);
        var notices = await sql.InsertRoutingNoticesAsync(now, period, now, cancellationToken);
        await sql.QueueEmailsAsync([JobKinds.Routed, JobKinds.Acknowledged], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.SubmissionTriage, period, notices, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.SubmissionTriage, notices);
    }
}
