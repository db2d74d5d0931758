using System.Globalization;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Web.Text;

/// <summary>Amounts the way the bureau reads them: 万元 (10⁴ yuan) and 亿元 (10⁸ yuan); land in 亩.</summary>
public static class Amounts
{
    private const long FenPerWan = MoneyUnits.MinorPerWan;
    private const long FenPerYi = MoneyUnits.MinorPerYi;

    public static string Cny(long fen)
    {
        var culture = CultureInfo.CurrentCulture;
        if (T.IsEnglish)
        {
            var yuan = fen / 100m;
            return Math.Abs(yuan) >= 1_000_000_000m
                ? string.Create(culture, $"CNY {yuan / 1_000_000_000m:N2} bn")
                : string.Create(culture, $"CNY {yuan / 1_000_000m:N1} m");
        }

        return Math.Abs(fen) >= FenPerYi
            ? string.Create(culture, $"{(decimal)fen / FenPerYi:N2} 亿元")
            : string.Create(culture, $"{(decimal)fen / FenPerWan:N0} 万元");
    }

    /// <summary>An amount in any currency: CNY as <see cref="Cny"/>, others in 万 of the unit (Chinese) or millions (English).</summary>
    public static string Money(long minor, string currency)
    {
        if (currency == "CNY")
        {
            return Cny(minor);
        }

        var culture = CultureInfo.CurrentCulture;
        return T.IsEnglish
            ? string.Create(culture, $"{currency} {minor / 100m / 1_000_000m:N1} m")
            : string.Create(culture, $"{currency} {minor / 100m / 10_000m:N0} 万");
    }

    /// <summary>US cents as 万美元 (USD 10k), or USD m in English.</summary>
    public static string Usd(long cents)
    {
        var culture = CultureInfo.CurrentCulture;
        return T.IsEnglish
            ? string.Create(culture, $"USD {cents / 100m / 1_000_000m:N1} m")
            : string.Create(culture, $"{MoneyUnits.MinorToWan(cents):N0} 万美元");
    }

    /// <summary>万 (10⁴) of a currency unit, as officers type amounts, → minor units (hundredths); null stays null.</summary>
    public static long? WanToMinor(decimal? wan) => MoneyUnits.WanToMinor(wan);

    /// <summary>Minor units → 万 of the currency unit, for editing.</summary>
    public static decimal? MinorToWan(long? minor) => MoneyUnits.MinorToWan(minor);

    /// <summary>亿元 as a plain number, for charts.</summary>
    public static double Yi(long fen) => Math.Round((double)fen / FenPerYi, 2);

    public static string Mu(double mu) => string.Create(CultureInfo.CurrentCulture, $"{mu:N1} {(T.IsEnglish ? "mu" : "亩")}");
}
