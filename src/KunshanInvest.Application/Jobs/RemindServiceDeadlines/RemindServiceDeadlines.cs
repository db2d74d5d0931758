using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.RemindServiceDeadlines;

/// <summary>
/// 到期提醒 (ADR 0012's shape): every open request whose deadline falls within ServiceJobs:RemindHoursBeforeDue and
/// whose current department was not yet reminded is stamped with that department, and the department's members are
/// told — once per request and department: a rerun or a second server finds the stamp; a request reassigned elsewhere
/// is reminded again there; a closed or returned one is never claimed.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RemindServiceDeadlines : ICommand<JobResult>;

public sealed class RemindServiceDeadlinesHandler(IAppDbContext db, IJobSql jobs, IServiceJobSql sql, IOptions<ServiceJobOptions> options, TimeProvider clock)
    : ICommandHandler<RemindServiceDeadlines, JobResult>
{
    public async ValueTask<JobResult> Handle(RemindServiceDeadlines command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));
        var dueBy = now.AddHours(options.Value.RemindHoursBeforeDue);

        await using var transaction = await jobs.BeginAsync(cancellationToken);
        await db.ServiceRequests
            .Where(r => (r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress) && r.DueAtUtc > now && r.DueAtUtc <= dueBy)
            .Where(r => r.DeadlineRemindedDepartmentId == null || r.DeadlineRemindedDepartmentId != r.DepartmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineRemindedDepartmentId, r => (Guid?)r.DepartmentId).SetProperty(r => r.DeadlineRemindedAtUtc, (DateTime?)now), cancellationToken);
        var told = await sql.InsertDueSoonNoticesAsync(now, period, now, cancellationToken);
        await jobs.QueueEmailsAsync([JobKinds.ServiceDueSoon], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.ServiceDeadlineReminders, period, told, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.ServiceDeadlineReminders, told);
    }
}
