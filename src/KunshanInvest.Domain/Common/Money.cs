using System.Text.RegularExpressions;

namespace KunshanInvest.Domain.Common;

/// <summary>
/// An amount in the currency's minor unit (fen for CNY, cents for USD) and its ISO 4217 code.
/// Integers, so that sums and comparisons run in SQL on every provider (SQLite stores decimal as TEXT).
/// </summary>
public sealed partial record Money
{
    public const int CurrencyLength = 3;

    public Money(long minorUnits, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnits);
        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        }

        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; private init; }

    public string Currency { get; private init; }

    public static Money Cny(long fen) => new(fen, "CNY");

    /// <summary>万元 (10⁴ yuan) → fen.</summary>
    public static Money CnyWan(decimal wan) => Cny(MoneyUnits.WanToMinor(wan));

    public decimal Major => MinorUnits / 100m;

    public static bool IsCurrencyCode(string? value) => value is not null && CurrencyPattern().IsMatch(value);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    public override string ToString() => $"{Currency} {Major:N2}";
}
