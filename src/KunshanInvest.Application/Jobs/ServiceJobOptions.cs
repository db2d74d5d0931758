namespace KunshanInvest.Application.Jobs;

/// <summary>The <c>ServiceJobs</c> section: when the service requests' reminders fall (the schedules are in <see cref="JobOptions"/>).</summary>
public sealed class ServiceJobOptions
{
    public const string Section = "ServiceJobs";

    public const string Rule = "ServiceJobs: RemindHoursBeforeDue is 1 to 720 (30 days) and VisitAfterDays 0 to 90.";

    /// <summary>Hours before a request's deadline its department's members are reminded (24 = a day before).</summary>
    public int RemindHoursBeforeDue { get; set; } = 24;

    /// <summary>Days after 办结 the service officer is reminded of the return visit still not recorded.</summary>
    public int VisitAfterDays { get; set; } = 3;

    public bool IsValid => RemindHoursBeforeDue is >= 1 and <= 720 && VisitAfterDays is >= 0 and <= 90;
}
