namespace KunshanInvest.Application.Jobs;

/// <summary>The <c>Jobs</c> configuration section: whether jobs run, each job's schedule (cron, Kunshan time) and thresholds.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Hangfire storage, server and dashboard; off in most tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether this process runs a Hangfire server (workers); a web-only node can leave it to others.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Empty: the database provider's storage (SQLite file, SQL Server, PostgreSQL); <c>InMemory</c> only in tests.</summary>
    public string Storage { get; set; } = "";

    /// <summary>Queue the follow-up reminders (and their e-mails) a few seconds after start, so nobody waits for the schedule.</summary>
    public bool RemindOnStartup { get; set; } = true;

    /// <summary>How often a server looks for scheduled and retried jobs.</summary>
    public int PollingSeconds { get; set; } = 15;

    public string FollowUpRemindersCron { get; set; } = "0 8 * * *";
    public string StaleSweepCron { get; set; } = "30 8 * * *";
    public string StalledEscalationCron { get; set; } = "0 9 * * *";
    public string WeeklyDigestCron { get; set; } = "0 8 * * 1";
    public string PipelineSnapshotCron { get; set; } = "55 23 * * *";
    public string SubmissionTriageCron { get; set; } = "*/10 * * * *";
    public string AttributionLapsesCron { get; set; } = "15 2 * * *";
    public string MailDispatchCron { get; set; } = "* * * * *";
    public string AuditRetentionCron { get; set; } = "45 3 * * 0";

    /// <summary>Agreement commitments past their check date and unmet: after the night's figures, before the working day.</summary>
    public string CommitmentCheckCron { get; set; } = "10 8 * * *";

    /// <summary>Service requests nearing their deadline (ServiceJobs:RemindHoursBeforeDue): hourly, so the lead time holds to the hour.</summary>
    public string ServiceDeadlineRemindersCron { get; set; } = "5 * * * *";

    /// <summary>Overdue service requests to their department's head and the managers.</summary>
    public string ServiceEscalationCron { get; set; } = "20 8 * * *";

    /// <summary>Return visits owed ServiceJobs:VisitAfterDays after 办结.</summary>
    public string ServiceVisitRemindersCron { get; set; } = "40 8 * * *";

    /// <summary>Days without an interaction before a live project is flagged stale, per stage (e.g. <c>Lead</c>: 14); a sector's own StaleActivityDays wins, then this, then Stalled:StaleActivityDays.</summary>
    public Dictionary<string, int> StaleDaysByStage { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days after the owner was told of a 六未 project before the managers are copied.</summary>
    public int EscalateToManagersAfterDays { get; set; } = 14;

    /// <summary>Days after the managers were copied before reassignment is proposed.</summary>
    public int ProposeReassignmentAfterDays { get; set; } = 14;
}
