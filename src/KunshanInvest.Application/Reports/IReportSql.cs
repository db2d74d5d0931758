using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Reports;

/// <summary>
/// The report statements EF Core's LINQ cannot express — window functions and INSERT … SELECT — written per provider
/// in Infrastructure. Each method is one statement (the snapshot: a delete and an insert in one transaction).
/// </summary>
public interface IReportSql
{
    /// <summary>
    /// Completed stays in each pipeline stage of the projects in <paramref name="scope"/> that ended within its period:
    /// a stay runs from a stage change to the project's next one. Percentiles by nearest rank: the p-th percentile of n
    /// sorted values is the ⌈p·n/100⌉-th (so the median of an even count is the lower middle value).
    /// </summary>
    Task<IReadOnlyList<StageDurationRow>> StageDurationsAsync(ReportScope scope, CancellationToken cancellationToken);

    /// <summary>Replaces the snapshot of <paramref name="day"/> with the pipeline as it stands now; returns the rows written.</summary>
    Task<int> TakeSnapshotAsync(DateOnly day, DateTime takenAtUtc, CancellationToken cancellationToken);
}

/// <summary>Days are fractional (the stage changes' instants differ by hours too).</summary>
public sealed record StageDurationRow(ProjectStage Stage, int Stays, double MedianDays, double P90Days, double MeanDays);
