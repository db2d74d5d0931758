using System.Linq.Expressions;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.FlagStaleProjects;

/// <summary>
/// Flags every live project with no interaction for its days (the sector's StaleActivityDays, else
/// Jobs:StaleDaysByStage for its stage, else Stalled:StaleActivityDays) and tells the owner. A flagged project is
/// flagged again only after new activity went stale in turn.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record FlagStaleProjects : ICommand<JobResult>;

public sealed class FlagStaleProjectsHandler(IAppDbContext db, IJobSql sql, IOptions<StalledOptions> stalled, IOptions<JobOptions> jobs, TimeProvider clock)
    : ICommandHandler<FlagStaleProjects, JobResult>
{
    public async ValueTask<JobResult> Handle(FlagStaleProjects command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = JobPeriods.Day(BureauCalendar.DateOf(now));
        var sectorDays = await db.Sectors.AsNoTracking()
            .Where(s => s.StaleActivityDays != null)
            .Select(s => new { s.Id, Days = s.StaleActivityDays!.Value })
            .ToDictionaryAsync(s => s.Id, s => s.Days, cancellationToken);
        var stale = StaleRule.Predicate(sectorDays, StageDays(jobs.Value, stalled.Value), now);

        await using var transaction = await sql.BeginAsync(cancellationToken);
        await db.Projects
            .Where(p => p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity && p.Stage != ProjectStage.OnHold)
            .Where(p => p.StaleFlaggedAtUtc == null || p.StaleFlaggedAtUtc < p.LastActivityAtUtc)
            .Where(stale)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StaleFlaggedAtUtc, (DateTime?)now), cancellationToken);
        var told = await sql.InsertStaleNoticesAsync(now, period, now, cancellationToken);
        await sql.QueueEmailsAsync([JobKinds.Stale], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.StaleSweep, period, told, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.StaleSweep, told);
    }

    private static Dictionary<ProjectStage, int> StageDays(JobOptions jobs, StalledOptions stalled) =>
        Enum.GetValues<ProjectStage>().ToDictionary(
            stage => stage,
            stage => jobs.StaleDaysByStage.TryGetValue(stage.ToString(), out var days) ? days : stalled.StaleActivityDays);
}

/// <summary>The stale predicate with cutoffs computed here, so no provider-specific date arithmetic reaches SQL (as in <see cref="StalledRule"/>).</summary>
public static class StaleRule
{
    public static Expression<Func<InvestmentProject, bool>> Predicate(IReadOnlyDictionary<Guid, int> sectorDays, IReadOnlyDictionary<ProjectStage, int> stageDays, DateTime nowUtc)
    {
        var p = Expression.Parameter(typeof(InvestmentProject), "p");
        var sectorId = Expression.Property(p, nameof(InvestmentProject.SectorId));
        var lastActivity = Expression.Property(p, nameof(InvestmentProject.LastActivityAtUtc));
        Expression body = Expression.Constant(false);
        Expression others = Expression.Constant(true);
        foreach (var (id, days) in sectorDays)
        {
            var idValue = Expression.Constant((Guid?)id, typeof(Guid?));
            body = Or(body, Expression.AndAlso(Expression.Equal(sectorId, idValue), Expression.LessThan(lastActivity, Common.Paging.Parameter.Of(nowUtc.AddDays(-days)))));
            others = Expression.AndAlso(others, Expression.NotEqual(sectorId, idValue));
        }

        Expression byStage = Expression.Constant(false);
        foreach (var group in stageDays.GroupBy(d => d.Value))
        {
            Expression stages = Expression.Constant(false);
            foreach (var (stage, _) in group)
            {
                stages = Or(stages, Expression.Equal(Expression.Property(p, nameof(InvestmentProject.Stage)), Expression.Constant(stage)));
            }

            byStage = Or(byStage, Expression.AndAlso(stages, Expression.LessThan(lastActivity, Common.Paging.Parameter.Of(nowUtc.AddDays(-group.Key)))));
        }

        var defaults = sectorDays.Count == 0
            ? byStage
            : Expression.AndAlso(Expression.OrElse(Expression.Equal(sectorId, Expression.Constant(null, typeof(Guid?))), others), byStage);
        return Expression.Lambda<Func<InvestmentProject, bool>>(Or(body, defaults), p);
    }

    private static Expression Or(Expression left, Expression right) =>
        left is ConstantExpression { Value: false } ? right : Expression.OrElse(left, right);
}
