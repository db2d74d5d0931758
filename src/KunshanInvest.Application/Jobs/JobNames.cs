namespace KunshanInvest.Application.Jobs;

/// <summary>The recurring jobs, by the id they have in the scheduler and on the admin page.</summary>
public static class JobNames
{
    public const string FollowUpReminders = "followup-reminders";
    public const string StaleSweep = "stale-sweep";
    public const string StalledEscalation = "stalled-escalation";
    public const string WeeklyDigest = "weekly-digest";
    public const string PipelineSnapshot = "pipeline-snapshot";
    public const string SubmissionTriage = "submission-triage";
    public const string AttributionLapses = "attribution-lapses";
    public const string MailDispatch = "mail-dispatch";
    public const string AuditRetention = "audit-retention";
    public const string CommitmentCheck = "commitment-check";
    public const string ServiceDeadlineReminders = "service-deadline-reminders";
    public const string ServiceEscalation = "service-escalation";
    public const string ServiceVisitReminders = "service-visit-reminders";
    public const string ChannelDispatch = "channel-dispatch";

    public static IReadOnlyList<string> All { get; } =
        [FollowUpReminders, StaleSweep, StalledEscalation, WeeklyDigest, PipelineSnapshot, SubmissionTriage, AttributionLapses, MailDispatch, AuditRetention, CommitmentCheck,
         ServiceDeadlineReminders, ServiceEscalation, ServiceVisitReminders, ChannelDispatch];

    public static string CronOf(string name, JobOptions options) => name switch
    {
        FollowUpReminders => options.FollowUpRemindersCron,
        StaleSweep => options.StaleSweepCron,
        StalledEscalation => options.StalledEscalationCron,
        WeeklyDigest => options.WeeklyDigestCron,
        PipelineSnapshot => options.PipelineSnapshotCron,
        SubmissionTriage => options.SubmissionTriageCron,
        AttributionLapses => options.AttributionLapsesCron,
        MailDispatch => options.MailDispatchCron,
        AuditRetention => options.AuditRetentionCron,
        CommitmentCheck => options.CommitmentCheckCron,
        ServiceDeadlineReminders => options.ServiceDeadlineRemindersCron,
        ServiceEscalation => options.ServiceEscalationCron,
        ServiceVisitReminders => options.ServiceVisitRemindersCron,
        ChannelDispatch => options.MailDispatchCron,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such job."),
    };
}

/// <summary>Notification kinds the jobs write (and key their effects by).</summary>
public static class JobKinds
{
    public const string Reminder = "followup.reminder";
    public const string Stale = "project.stale";
    public const string Escalated = "project.stalled";
    public const string EscalatedCopy = "project.stalled.copy";
    public const string Reassign = "project.stalled.reassign";
    public const string Routed = "submission.routed";
    public const string Acknowledged = "submission.acknowledged";
    public const string Digest = "weekly.digest";
    public const string CommitmentMissed = "commitment.missed";
    public const string ServiceDueSoon = "service.due_soon";
    public const string ServiceOverdue = "service.overdue";
    public const string ServiceVisitDue = "service.visit_due";
}

/// <summary>What one run of a job did: the effects it recorded (0 on a repeat run).</summary>
public sealed record JobResult(string Job, int Effects);
