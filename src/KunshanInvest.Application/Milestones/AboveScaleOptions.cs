using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Milestones;

/// <summary>
/// The <c>AboveScale</c> configuration section: the 上规 threshold of annual main-business revenue per statistics type, in
/// CNY (yuan), e.g. <c>AboveScale:Thresholds:Retail = 5000000</c>. Defaults from DOMAIN.md; zones and years differ.
/// </summary>
public sealed class AboveScaleOptions
{
    public const string Section = "AboveScale";

    public Dictionary<StatisticsType, long> Thresholds { get; set; } = new()
    {
        [StatisticsType.Industrial] = 20_000_000,
        [StatisticsType.Wholesale] = 20_000_000,
        [StatisticsType.Retail] = 5_000_000,
        [StatisticsType.AccommodationCatering] = 2_000_000,
        [StatisticsType.Services] = 10_000_000,
    };

    /// <summary>The threshold in fen, or null when the type has none configured (the gate then stays shut).</summary>
    public long? ThresholdFen(StatisticsType type) =>
        Thresholds.TryGetValue(type, out var yuan) && yuan > 0 ? yuan * 100 : null;
}
