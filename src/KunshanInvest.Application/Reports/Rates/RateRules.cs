using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Application.Reports.Rates;

internal static class RateRules
{
    /// <summary>From a won or a rupiah (0.000001) to far above any currency (10 000 CNY per unit).</summary>
    public const decimal Min = 0.000001m;
    public const decimal Max = 10_000m;

    public static bool IsRate(decimal value) => value is >= Min and <= Max && decimal.Round(value, 6) == value;

    public static long ToMicros(decimal value) => (long)(value * ExchangeRate.Scale);
}
