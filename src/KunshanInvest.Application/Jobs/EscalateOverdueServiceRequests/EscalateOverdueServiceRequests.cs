using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Jobs.EscalateOverdueServiceRequests;

/// <summary>
/// 超期督办 (ADR 0012's shape): every open request past its deadline whose current department was not yet escalated is
/// stamped with that department, and the department's head and every manager are told — once per request and
/// department: a rerun or a second server finds the stamp; a request reassigned while overdue escalates again to its
/// new department's head; a closed or returned one is never claimed.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record EscalateOverdueServiceRequests : ICommand<JobResult>;

public sealed class EscalateOverdueServiceRequestsHandler(IAppDbContext db, IJobSql jobs, IServiceJobSql sql, TimeProvider clock)
    : ICommandHandler<EscalateOverdueServiceRequests, JobResult>
{
    public async ValueTask<JobResult> Handle(EscalateOverdueServiceRequests command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));

        await using var transaction = await jobs.BeginAsync(cancellationToken);
        await db.ServiceRequests
            .Where(r => (r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress) && r.DueAtUtc <= now)
            .Where(r => r.EscalatedDepartmentId == null || r.EscalatedDepartmentId != r.DepartmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalatedDepartmentId, r => (Guid?)r.DepartmentId).SetProperty(r => r.EscalatedAtUtc, (DateTime?)now), cancellationToken);
        var told = await sql.InsertOverdueNoticesAsync(now, period, now, cancellationToken);
        await jobs.QueueEmailsAsync([JobKinds.ServiceOverdue], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.ServiceEscalation, period, told, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.ServiceEscalation, told);
    }
}
