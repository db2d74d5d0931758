namespace KunshanInvest.Application.Jobs;

/// <summary>
/// The service request sweeps' notices (INSERT … SELECT per provider in Infrastructure, as <see cref="IJobSql"/>): one
/// statement each whatever the number of requests, inserting only what is not yet recorded (NOT EXISTS on the
/// notice's effect key). Each notice carries the enterprise, category and department (both languages) and the due day.
/// </summary>
public interface IServiceJobSql
{
    /// <summary>To each enabled member of the department of every request stamped as reminded at <paramref name="remindedAtUtc"/>.</summary>
    Task<int> InsertDueSoonNoticesAsync(DateTime remindedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>To the head of the department of every request stamped as escalated at <paramref name="escalatedAtUtc"/>, and to every enabled manager (the head once, if a manager).</summary>
    Task<int> InsertOverdueNoticesAsync(DateTime escalatedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>To the service officer of every request stamped as visit-reminded at <paramref name="remindedAtUtc"/>.</summary>
    Task<int> InsertVisitDueNoticesAsync(DateTime remindedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken);
}
