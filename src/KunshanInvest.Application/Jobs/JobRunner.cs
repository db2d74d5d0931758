using KunshanInvest.Application.Jobs.CheckCommitments;
using KunshanInvest.Application.Jobs.DispatchEmails;
using KunshanInvest.Application.Jobs.EscalateStalledProjects;
using KunshanInvest.Application.Jobs.FlagStaleProjects;
using KunshanInvest.Application.Jobs.SendFollowUpReminders;
using KunshanInvest.Application.Jobs.SendWeeklyDigest;
using KunshanInvest.Application.Jobs.TriageSubmissions;
using KunshanInvest.Application.Portal.Ledger;
using KunshanInvest.Application.Reports.TakePipelineSnapshot;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Application.Jobs;

/// <summary>
/// Runs a job by name in the caller's scope. Jobs have no signed-in user: the handlers are called directly, not through
/// the mediator's authorisation (which guards the same commands when an Admin sends them), as the <c>snapshot</c>
/// command line verb does. A job that recorded effects then dispatches the outbox, so its e-mails leave at once.
/// </summary>
public sealed class JobRunner(IServiceProvider services)
{
    public async Task<JobResult> RunAsync(string name, CancellationToken cancellationToken)
    {
        var result = name switch
        {
            JobNames.FollowUpReminders => await Create<SendFollowUpRemindersHandler>().Handle(new SendFollowUpReminders.SendFollowUpReminders(), cancellationToken),
            JobNames.StaleSweep => await Create<FlagStaleProjectsHandler>().Handle(new FlagStaleProjects.FlagStaleProjects(), cancellationToken),
            JobNames.StalledEscalation => await Create<EscalateStalledProjectsHandler>().Handle(new EscalateStalledProjects.EscalateStalledProjects(), cancellationToken),
            JobNames.WeeklyDigest => await Create<SendWeeklyDigestHandler>().Handle(new SendWeeklyDigest.SendWeeklyDigest(), cancellationToken),
            JobNames.SubmissionTriage => await Create<TriageSubmissionsHandler>().Handle(new TriageSubmissions.TriageSubmissions(), cancellationToken),
            JobNames.PipelineSnapshot => new JobResult(name, (await Create<TakePipelineSnapshotHandler>().Handle(new TakePipelineSnapshot(), cancellationToken)).Rows),
            JobNames.AttributionLapses => new JobResult(name, await Create<RecordAttributionLapsesHandler>().Handle(new RecordAttributionLapses(), cancellationToken)),
            JobNames.MailDispatch => await Dispatch(cancellationToken),
            JobNames.AuditRetention => await Create<Auditing.PurgeAudit.PurgeAuditHandler>().Handle(new Auditing.PurgeAudit.PurgeAudit(), cancellationToken),
            JobNames.CommitmentCheck => await Create<CheckCommitmentsHandler>().Handle(new CheckCommitments.CheckCommitments(), cancellationToken),
            JobNames.ServiceDeadlineReminders => await Create<RemindServiceDeadlines.RemindServiceDeadlinesHandler>().Handle(new RemindServiceDeadlines.RemindServiceDeadlines(), cancellationToken),
            JobNames.ServiceEscalation => await Create<EscalateOverdueServiceRequests.EscalateOverdueServiceRequestsHandler>().Handle(new EscalateOverdueServiceRequests.EscalateOverdueServiceRequests(), cancellationToken),
            JobNames.ServiceVisitReminders => await Create<RemindReturnVisits.RemindReturnVisitsHandler>().Handle(new RemindReturnVisits.RemindReturnVisits(), cancellationToken),
            JobNames.ChannelDispatch => await Create<DispatchChannelMessages.DispatchChannelMessagesHandler>().Handle(new DispatchChannelMessages.DispatchChannelMessages(), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such job."),
        };

        if (result.Effects > 0 && name is not (JobNames.MailDispatch or JobNames.PipelineSnapshot or JobNames.AttributionLapses or JobNames.AuditRetention))
        {
            await Dispatch(cancellationToken);
        }

        return result;
    }

    private ValueTask<JobResult> Dispatch(CancellationToken cancellationToken) =>
        Create<DispatchEmailsHandler>().Handle(new DispatchEmails.DispatchEmails(), cancellationToken);

    private T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);
}
