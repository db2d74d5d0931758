using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Common;

/// <summary>Converts aggregated amounts to CNY with the Admin-maintained yearly rates.</summary>
public sealed class ExchangeRateTable(IAppDbContext db)
{
    /// <summary>For each currency, the rate of <paramref name="year"/>, else the latest earlier one, else the earliest later one.</summary>
    public async Task<Rates> ForYearAsync(int year, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).ForYear(year);

    /// <summary>Every rate, in one statement, for reports that convert amounts of several years.</summary>
    public async Task<RateBook> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await db.ExchangeRates.AsNoTracking()
            .Select(r => new RateBook.Entry(r.Currency, r.Year, r.CnyPerUnitMicros))
            .ToListAsync(cancellationToken);
        return new RateBook(all);
    }

    public sealed class RateBook(IReadOnlyList<RateBook.Entry> entries)
    {
        public sealed record Entry(string Currency, int Year, long CnyPerUnitMicros);

        /// <summary>For each currency, the rate of <paramref name="year"/>, else the latest earlier one, else the earliest later one.</summary>
        public Rates ForYear(int year) => new(entries
            .GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(r => r.Year <= year ? 0 : 1).ThenBy(r => Math.Abs(r.Year - year)).First().CnyPerUnitMicros,
                StringComparer.Ordinal));
    }

    public sealed class Rates(IReadOnlyDictionary<string, long> cnyPerUnitMicros)
    {
        /// <summary>Fen for <paramref name="minorUnits"/> of <paramref name="currency"/>; null when no rate is known.</summary>
        public long? ToFen(long minorUnits, string currency)
        {
            if (currency == "CNY")
            {
                return minorUnits;
            }

            return cnyPerUnitMicros.TryGetValue(currency, out var micros)
                ? Domain.Rates.ExchangeRate.Convert(minorUnits, micros)
                : null;
        }
    }
}
