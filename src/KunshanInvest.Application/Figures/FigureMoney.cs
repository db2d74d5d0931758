using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Rates;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures;

/// <summary>
/// An entered amount in the kind's reporting unit, at the rate of the period's year exactly: a figure of 2024 is
/// converted at 2024's rate or not at all (422 naming the currency and the year), never at a neighbouring year's.
/// </summary>
internal static class FigureMoney
{
    public static async Task<long> ToUnitAsync(IAppDbContext db, FigureKind kind, int period, long amount, string? currency, CancellationToken cancellationToken)
    {
        if (!kind.IsMoney() || currency is null)
        {
            return amount;
        }

        var unit = kind.Unit();
        if ((unit == FigureUnit.CnyFen && currency == "CNY") || (unit == FigureUnit.UsdCents && currency == "USD"))
        {
            return amount;
        }

        var year = FigurePeriod.Year(period);
        var wanted = unit == FigureUnit.UsdCents ? new[] { currency, "USD" } : [currency];
        var rates = await db.ExchangeRates.AsNoTracking()
            .Where(r => r.Year == year && wanted.Contains(r.Currency))
            .Select(r => new { r.Currency, r.CnyPerUnitMicros })
            .ToDictionaryAsync(r => r.Currency, r => r.CnyPerUnitMicros, StringComparer.Ordinal, cancellationToken);

        long Rate(string code) => rates.TryGetValue(code, out var micros)
            ? micros
            : throw new DomainRuleException("figure.rate_missing", $"No {code} rate for {year}.") { Args = new Dictionary<string, object?> { ["currency"] = code, ["year"] = year } };

        // Minor units × CNY per unit (×10⁶) gives fen ×10⁶; 128 bits, so nothing wraps before the ceiling check.
        Int128 fenMicros = currency == "CNY" ? (Int128)amount * ExchangeRate.Scale : (Int128)amount * Rate(currency);
        Int128 value = unit == FigureUnit.UsdCents
            ? RoundedDivide(fenMicros, Rate("USD"))
            : RoundedDivide(fenMicros, ExchangeRate.Scale);
        if (value > FigureEntry.MaxValue)
        {
            throw new DomainRuleException("figure.amount", "The converted amount is above the ceiling.");
        }

        return (long)value;
    }

    private static Int128 RoundedDivide(Int128 numerator, Int128 denominator) => (numerator + (denominator / 2)) / denominator;
}
