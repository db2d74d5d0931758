using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.EscalateStalledProjects;

/// <summary>
/// 六未 escalation, one step per run and stay in a stage: a project past its stage's limit (the sector's own, else the
/// Stalled configuration's) notifies its owner (level 1); still stalled Jobs:EscalateToManagersAfterDays later, the
/// owner is reminded and every manager copied (2); Jobs:ProposeReassignmentAfterDays after that, the managers are asked
/// to reassign it (3). Each step is a conditional UPDATE on the project's escalation stamp, so it happens once.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record EscalateStalledProjects : ICommand<JobResult>;

public sealed class EscalateStalledProjectsHandler(IAppDbContext db, IJobSql sql, IOptions<StalledOptions> stalled, IOptions<JobOptions> jobs, TimeProvider clock)
    : ICommandHandler<EscalateStalledProjects, JobResult>
{
    public async ValueTask<JobResult> Handle(EscalateStalledProjects command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));
        var rule = await StalledRule.LoadAsync(db, stalled.Value, cancellationToken);
        var stalledNow = rule.Predicate(now);
        var toManagersBefore = now.AddDays(-jobs.Value.EscalateToManagersAfterDays);
        var reassignBefore = now.AddDays(-jobs.Value.ProposeReassignmentAfterDays);

        await using var transaction = await sql.BeginAsync(cancellationToken);
        var live = db.Projects.Where(stalledNow);

        // Higher levels first, so a project climbs at most one level per run.
        await live.Where(p => p.EscalatedStageEnteredAtUtc == p.StageEnteredAtUtc && p.EscalationLevel == 2 && p.EscalatedAtUtc < reassignBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalationLevel, 3).SetProperty(p => p.EscalatedAtUtc, (DateTime?)now), cancellationToken);
        await live.Where(p => p.EscalatedStageEnteredAtUtc == p.StageEnteredAtUtc && p.EscalationLevel == 1 && p.EscalatedAtUtc < toManagersBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalationLevel, 2).SetProperty(p => p.EscalatedAtUtc, (DateTime?)now), cancellationToken);
        await live.Where(p => p.EscalatedStageEnteredAtUtc == null || p.EscalatedStageEnteredAtUtc != p.StageEnteredAtUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalationLevel, 1).SetProperty(p => p.EscalatedAtUtc, (DateTime?)now)
                .SetProperty(p => p.EscalatedStageEnteredAtUtc, p => (DateTime?)p.StageEnteredAtUtc), cancellationToken);

        var notices = 0;
        for (var level = 1; level <= 3; level++)
        {
            notices += await sql.InsertEscalationNoticesAsync(level, now, period, now, cancellationToken);
        }

        await sql.QueueEmailsAsync([JobKinds.Escalated, JobKinds.EscalatedCopy, JobKinds.Reassign], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.StalledEscalation, period, notices, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.StalledEscalation, notices);
    }
}
