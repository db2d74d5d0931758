namespace KunshanInvest.Application.Common;

/// <summary>The background-job port (Hangfire in the host), so Application never references the scheduler itself.</summary>
public interface IJobScheduler
{
    /// <summary>Whether a job storage is configured at all (<c>Jobs:Enabled</c>).</summary>
    bool IsEnabled { get; }

    /// <summary>The recurring jobs with their schedule and their last and next run.</summary>
    IReadOnlyList<RecurringJobInfo> RecurringJobs();

    /// <summary>Runs a recurring job now (once, on whichever server picks it up); false when there is no such job.</summary>
    bool Trigger(string jobName);

    /// <summary>Queues one run of a job (e.g. triage as soon as a submission arrives); the recurring run is the safety net.</summary>
    void Enqueue(string jobName);
}

public sealed record RecurringJobInfo(string Name, string Cron, DateTime? LastRunUtc, string? LastState, DateTime? NextRunUtc, string? Error);

/// <summary>The scheduler when <c>Jobs:Enabled</c> is false: nothing is queued (the recurring sweeps are off too).</summary>
public sealed class NoJobScheduler : IJobScheduler
{
    public bool IsEnabled => false;

    public IReadOnlyList<RecurringJobInfo> RecurringJobs() => [];

    public bool Trigger(string jobName) => false;

    public void Enqueue(string jobName)
    {
    }
}
