using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Reports;

/// <summary>
/// One row of the daily pipeline snapshot (feeds the trend charts): on <see cref="Day"/> (Kunshan date), how many
/// projects of one sector, park and owner stood at <see cref="Stage"/>, with their pledges in one currency (null for
/// projects without a pledge). Summing a day's rows over the currencies gives the day's project count exactly once.
/// Derived data, written in one set-based statement; never edited.
/// </summary>
public sealed class PipelineSnapshot
{
    private PipelineSnapshot() { }

    public long Id { get; private set; }
    public DateOnly Day { get; private set; }
    public Guid? SectorId { get; private set; }
    public Guid? ParkId { get; private set; }
    public Guid OwnerId { get; private set; }
    public ProjectStage Stage { get; private set; }

    /// <summary>ISO 4217 code of <see cref="PledgedMinor"/>; null for the projects without a pledged investment.</summary>
    public string? Currency { get; private set; }
    public int Projects { get; private set; }

    /// <summary>Pledged investment in minor units of <see cref="Currency"/>.</summary>
    public long PledgedMinor { get; private set; }
    public long ForeignCapitalUsdCents { get; private set; }
    public DateTime TakenAtUtc { get; private set; }
}
