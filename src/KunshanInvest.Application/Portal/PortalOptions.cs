using KunshanInvest.Application.Common.Idempotency;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>首报 lapses after this many days without stage progress.</summary>
    public int AttributionLapseDays { get; set; } = 30;

    /// <summary>Submissions (POSTs) per partner organisation per minute; more get 429 with Retry-After.</summary>
    public int SubmissionsPerMinute { get; set; } = 20;

    /// <summary>
    /// A repeat of an Idempotency-Key whose first request is still in flight this long after claiming it takes the
    /// claim over (a server killed mid-request leaves its claim behind); earlier repeats are 409. Safe at any value:
    /// a taken-over request that was only slow fails at its commit (see <c>Idempotency.BeginAsync</c>).
    /// </summary>
    public int InFlightTakeoverSeconds { get; set; } = (int)IdempotencyRules.Abandoned.TotalSeconds;

    public TimeSpan InFlightTakeover => TimeSpan.FromSeconds(Math.Max(1, InFlightTakeoverSeconds));

    /// <summary>Reward as a fraction of verified funds in place, per <see cref="PartnerType"/> name (0.002 = 0.2 %).</summary>
    public Dictionary<string, decimal> RewardRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<PartnerType, decimal> DefaultRates = new Dictionary<PartnerType, decimal>
    {
        [PartnerType.Intermediary] = 0.002m,
        [PartnerType.ChamberOfCommerce] = 0.001m,
        [PartnerType.OverseasOffice] = 0m,
        [PartnerType.ReferringEnterprise] = 0.003m,
    };

    public decimal RateFor(PartnerType type) =>
        RewardRates.TryGetValue(type.ToString(), out var rate) ? rate : DefaultRates.GetValueOrDefault(type);
}
