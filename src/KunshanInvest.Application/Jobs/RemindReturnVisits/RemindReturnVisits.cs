using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.RemindReturnVisits;

/// <summary>
/// 回访提醒 (ADR 0012's shape): every request still 办结 (no visit recorded) ServiceJobs:VisitAfterDays after it was
/// closed, with a service officer and not reminded since that close, is stamped and its officer told — once per 办结:
/// a visited one has left the state, a rerun or a second server finds the stamp (a request reopened and closed again
/// is reminded after the new close).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RemindReturnVisits : ICommand<JobResult>;

public sealed class RemindReturnVisitsHandler(IAppDbContext db, IJobSql jobs, IServiceJobSql sql, IOptions<ServiceJobOptions> options, TimeProvider clock)
    : ICommandHandler<RemindReturnVisits, JobResult>
{
    public async ValueTask<JobResult> Handle(RemindReturnVisits command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));
        var closedBy = now.AddDays(-options.Value.VisitAfterDays);

        await using var transaction = await jobs.BeginAsync(cancellationToken);
        await db.ServiceRequests
            .Where(r => r.Status == ServiceRequestStatus.Closed && r.ClosedAtUtc <= closedBy && r.ServiceOfficerId != null)
            .Where(r => r.VisitRemindedAtUtc == null || r.VisitRemindedAtUtc < r.ClosedAtUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.VisitRemindedAtUtc, (DateTime?)now), cancellationToken);
        var told = await sql.InsertVisitDueNoticesAsync(now, period, now, cancellationToken);
        await jobs.QueueEmailsAsync([JobKinds.ServiceVisitDue], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.ServiceVisitReminders, period, told, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.ServiceVisitReminders, told);
    }
}
