namespace KunshanInvest.Domain.Common;

/// <summary>
/// 万 (10⁴) and 亿 (10⁸) of a currency unit, as the bureau types and reads amounts, ↔ the minor units every amount is
/// stored in (fen for CNY, cents for USD: hundredths). Typed amounts round half away from zero (四舍五入) to the
/// minor unit; a result beyond <see cref="long"/> throws <see cref="OverflowException"/> rather than wrapping.
/// </summary>
public static class MoneyUnits
{
    /// <summary>1 万 = 10 000 units = 1 000 000 minor units.</summary>
    public const long MinorPerWan = 10_000L * 100;

    /// <summary>1 亿 = 100 000 000 units = 10 000 000 000 minor units.</summary>
    public const long MinorPerYi = 100_000_000L * 100;

    /// <summary>万 → minor units, rounded half away from zero.</summary>
    public static long WanToMinor(decimal wan) => ToMinor(wan, MinorPerWan);

    /// <summary>万 → minor units; null stays null.</summary>
    public static long? WanToMinor(decimal? wan) => wan is { } w ? WanToMinor(w) : null;

    /// <summary>Minor units → 万, exactly (a decimal holds every long divided by 10⁶).</summary>
    public static decimal MinorToWan(long minor) => (decimal)minor / MinorPerWan;

    /// <summary>Minor units → 万; null stays null.</summary>
    public static decimal? MinorToWan(long? minor) => minor is { } m ? MinorToWan(m) : null;

    /// <summary>亿 → minor units, rounded half away from zero.</summary>
    public static long YiToMinor(decimal yi) => ToMinor(yi, MinorPerYi);

    /// <summary>Minor units → 亿, exactly.</summary>
    public static decimal MinorToYi(long minor) => (decimal)minor / MinorPerYi;

    // decimal → long throws OverflowException out of range whatever the checked context; so does the product when it
    // leaves decimal's range.
    private static long ToMinor(decimal amount, long minorPerUnit) =>
        (long)decimal.Round(amount * minorPerUnit, MidpointRounding.AwayFromZero);
}
