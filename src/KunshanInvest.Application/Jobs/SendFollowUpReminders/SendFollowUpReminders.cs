using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Jobs.SendFollowUpReminders;

/// <summary>
/// Reminds each assignee of every open follow-up due today or overdue (Kunshan day), once per follow-up per day: an
/// in-app notice and an e-mail. State-driven: the database says what is due, so a lost queue loses nothing.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SendFollowUpReminders : ICommand<JobResult>;

public sealed class SendFollowUpRemindersHandler(IAppDbContext db, IJobSql sql, TimeProvider clock) : ICommandHandler<SendFollowUpReminders, JobResult>
{
    public async ValueTask<JobResult> Handle(SendFollowUpReminders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BureauCalendar.DateOf(now);
        var period = JobPeriods.Day(today);

        await using var transaction = await sql.BeginAsync(cancellationToken);

        // The claim: one conditional UPDATE. A second run (or a second server, which waits on the row locks and then
        // finds the rows already stamped) claims nothing.
        await db.FollowUps
            .Where(f => f.Status == FollowUpStatus.Open && f.DueOn <= today && (f.RemindedOn == null || f.RemindedOn < today))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RemindedOn, (DateOnly?)today), cancellationToken);
        var reminded = await sql.InsertRemindersAsync(today, period, now, cancellationToken);
        await sql.QueueEmailsAsync([JobKinds.Reminder], period, now, cancellationToken);
        await JobAudit.RecordAsync(db, JobNames.FollowUpReminders, period, reminded, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new JobResult(JobNames.FollowUpReminders, reminded);
    }
}
