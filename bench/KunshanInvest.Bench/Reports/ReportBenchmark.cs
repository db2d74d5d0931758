using System.Globalization;
using KunshanInvest.Application.Reports;
using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// Base of the report benchmarks (ADR 0010): a Manager asks for the whole zone (no sector, park or officer), the
/// baseline computes the same figures with hand-written SQL and its own conversion code. <see cref="Verify"/> runs
/// once in the global setup and fails the benchmark when the handler's figures differ from the baseline's, so a
/// ratio always compares two ways of getting the same answer.
/// </summary>
public abstract class ReportBenchmark : HandlerBenchmark
{
    /// <summary>The Kunshan day the benchmarks run on (UTC+8, no daylight saving).</summary>
    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The report's default period: 1 January of this Kunshan year to today.</summary>
    protected static ReportFilter ThisYear { get; } = new();

    protected static DateOnly YearStart => new(Today.Year, 1, 1);

    /// <summary>The first instant of a Kunshan day, as UTC.</summary>
    protected static DateTime StartUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-8), DateTimeKind.Utc);

    protected sealed override void Setup()
    {
        ReportData.Ensure(Host, ConnectionString);
        SetupReport();
        Verify().GetAwaiter().GetResult();
    }

    /// <summary>Per-class preparation before the check.</summary>
    protected virtual void SetupReport()
    {
    }

    /// <summary>Runs the handler and the baseline once and throws when their figures differ.</summary>
    protected abstract Task Verify();

    /// <summary>Throws when the two differ; the <c>--sql</c> probe prints each figure checked.</summary>
    protected void Same<T>(string what, T handler, T baseline)
    {
        if (!EqualityComparer<T>.Default.Equals(handler, baseline))
        {
            throw new InvalidOperationException($"{what}: the handler says {handler}, the SQL baseline {baseline}.");
        }

        Checked(what, handler);
    }

    protected void Same(string what, double handler, double baseline)
    {
        if (Math.Abs(handler - baseline) > 1e-6 * Math.Max(1, Math.Abs(baseline)))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{what}: the handler says {handler}, the SQL baseline {baseline}."));
        }

        Checked(what, handler);
    }

    private void Checked<T>(string what, T value)
    {
        if (LogSql)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {GetType().Name}: {what} = {value} (handler = baseline)"));
        }
    }

    /// <summary>A date column: TEXT (yyyy-MM-dd) on SQLite, <c>date</c> on PostgreSQL.</summary>
    protected static DateOnly ReadDate(System.Data.Common.DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => DateOnly.FromDateTime(d),
        DateOnly d => d,
        var other => throw new InvalidOperationException($"Not a date: {other}"),
    };

    /// <summary>Every rate, as (currency, year, CNY micros per unit).</summary>
    protected Task<List<(string Currency, int Year, long Micros)>> RatesAsync() =>
        ListAsync("SELECT \"Currency\", \"Year\", \"CnyPerUnitMicros\" FROM \"ExchangeRates\"", r => (r.GetString(0), r.GetInt32(1), r.GetInt64(2)));

    /// <summary>ADR 0010's rule: per currency, the rate of the year, else the latest earlier one, else the earliest later one.</summary>
    protected internal static Dictionary<string, long> RatesFor(IEnumerable<(string Currency, int Year, long Micros)> all, int year)
    {
        var best = new Dictionary<string, (int Year, long Micros)>(StringComparer.Ordinal);
        foreach (var rate in all)
        {
            if (!best.TryGetValue(rate.Currency, out var current) || Better(rate.Year, current.Year, year))
            {
                best[rate.Currency] = (rate.Year, rate.Micros);
            }
        }

        return best.ToDictionary(b => b.Key, b => b.Value.Micros, StringComparer.Ordinal);

        static bool Better(int candidate, int current, int year) =>
            (candidate <= year, current <= year) switch
            {
                (true, false) => true,
                (false, true) => false,
                (true, true) => candidate > current,
                _ => candidate < current,
            };
    }

    /// <summary>Fen for an amount in its currency; null when there is no rate (or no amount).</summary>
    protected internal static long? ToFen(IReadOnlyDictionary<string, long> rates, string? currency, long minor)
    {
        if (currency is null)
        {
            return null;
        }

        var code = currency.Trim();
        return code == "CNY" ? minor : rates.TryGetValue(code, out var micros) ? ExchangeRate.Convert(minor, micros) : null;
    }

    /// <summary>The subquery giving each project's signing instant: its first change to 签约 … 达产.</summary>
    protected const string SignedAtSql =
        "SELECT c.\"ProjectId\", MIN(c.\"AtUtc\") AS \"SignedAt\" FROM \"StageChanges\" c WHERE c.\"To\" >= 3 AND c.\"To\" <= 9 GROUP BY c.\"ProjectId\"";
}
