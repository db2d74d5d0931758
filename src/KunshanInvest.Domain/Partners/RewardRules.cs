namespace KunshanInvest.Domain.Partners;

/// <summary>
/// 首报奖励: a share of each verified 到位资金 / 实际使用外资 entry of the attributed project, at the partner type's rate.
/// Rates are held as parts per million so the reward is integer arithmetic that SQL computes the same way on every
/// provider (docs/adr/0027).
/// </summary>
public static class RewardRules
{
    public const long PpmScale = 1_000_000;

    /// <summary>The highest rate accepted: 10 % (a slipped digit in configuration, not a policy).</summary>
    public const long MaxRatePpm = 100_000;

    /// <summary>A configured fraction (0.002 = 2‰) in parts per million, rounded to the nearest ppm.</summary>
    public static long RatePpm(decimal rate) =>
        rate <= 0 ? 0 : (long)decimal.Round(Math.Min(rate, (decimal)MaxRatePpm / PpmScale) * PpmScale, MidpointRounding.AwayFromZero);

    /// <summary>
    /// <paramref name="baseFen"/> × rate, rounded half up to the fen. Split at 10⁶ so no product overflows 64 bits for
    /// any figure below <see cref="Figures.FigureEntry.MaxValue"/>: the SQL form is written the same way.
    /// </summary>
    public static long Reward(long baseFen, long ratePpm)
    {
        if (baseFen <= 0 || ratePpm <= 0)
        {
            return 0;
        }

        return (baseFen / PpmScale * ratePpm) + (((baseFen % PpmScale * ratePpm) + (PpmScale / 2)) / PpmScale);
    }

    /// <summary>US cents to fen at a year's rate (CNY per USD × 10⁶), split like <see cref="Reward"/>.</summary>
    public static long UsdCentsToFen(long cents, long cnyPerUsdMicros) =>
        cents <= 0 ? 0 : (cents / PpmScale * cnyPerUsdMicros) + (((cents % PpmScale * cnyPerUsdMicros) + (PpmScale / 2)) / PpmScale);
}
