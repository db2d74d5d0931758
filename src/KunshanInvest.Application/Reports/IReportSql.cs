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

    /// <summary>
    /// 亩均: every enterprise with land or a production start on record, with its land (亩: each project's 供地 milestone
    /// reached by the year's end, else its pledged land once at 供地 or later), its first production start, and the
    /// VERIFIED tax and 主营业务收入 of its projects in <paramref name="year"/>. Rateable enterprises (land, and production
    /// begun by 31 December two years before) are ranked zone-wide by tax per 亩, then revenue per 亩; the rows returned
    /// are the first <paramref name="top"/> of those with a project in <paramref name="scope"/>'s sector, park and officer
    /// (rated first, by rank; then the unrated). One statement.
    /// </summary>
    Task<PerMuPage> PerMuAsync(int year, ReportScope scope, int top, CancellationToken cancellationToken);

    /// <summary>Replaces the snapshot of <paramref name="day"/> with the pipeline as it stands now; returns the rows written.</summary>
    Task<int> TakeSnapshotAsync(DateOnly day, DateTime takenAtUtc, CancellationToken cancellationToken);
}

/// <summary>Days are fractional (the stage changes' instants differ by hours too).</summary>
public sealed record StageDurationRow(ProjectStage Stage, int Stays, double MedianDays, double P90Days, double MeanDays);

/// <param name="Rated">Rateable enterprises in the whole zone (the field the classes split).</param>
/// <param name="Listed">Enterprises with land or a production start on record in the whole zone.</param>
public sealed record PerMuPage(int Rated, int Listed, IReadOnlyList<PerMuRow> Rows);

/// <param name="Rank">1 = the highest tax per 亩 in the zone; null when not rateable.</param>
public sealed record PerMuRow(Guid EnterpriseId, string? NameZh, string? NameEn, double LandMu, DateOnly? ProductionStartedOn, long TaxFen, long RevenueFen, int? Rank);
