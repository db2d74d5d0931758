using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Rates;

/// <summary>The yearly rate an Admin sets for reporting: how many CNY one unit of <see cref="Currency"/> is worth.</summary>
public sealed class ExchangeRate : AggregateRoot
{
    /// <summary>Rates are stored as CNY per unit × 10⁶ so conversion stays in integers.</summary>
    public const long Scale = 1_000_000;

    private ExchangeRate() { }

    public ExchangeRate(int year, string currency, long cnyPerUnitMicros)
    {
        if (!Money.IsCurrencyCode(currency))
        {
            throw new DomainRuleException("rate.currency", $"'{currency}' is not an ISO 4217 currency code.");
        }

        if (cnyPerUnitMicros <= 0)
        {
            throw new DomainRuleException("rate.value", "A rate must be positive.");
        }

        Year = year;
        Currency = currency;
        CnyPerUnitMicros = cnyPerUnitMicros;
    }

    public int Year { get; private set; }
    public string Currency { get; private set; } = "";
    public long CnyPerUnitMicros { get; private set; }
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    /// <summary>An Admin corrects the year's rate; reports convert with it from the next query on.</summary>
    public void Revise(long cnyPerUnitMicros)
    {
        if (cnyPerUnitMicros <= 0)
        {
            throw new DomainRuleException("rate.value", "A rate must be positive.");
        }

        CnyPerUnitMicros = cnyPerUnitMicros;
    }

    /// <summary>Converts minor units of <see cref="Currency"/> to fen (minor units are hundredths in every currency we report).</summary>
    public long ToFen(long minorUnits) => Convert(minorUnits, CnyPerUnitMicros);

    /// <summary>Minor units × rate, rounded half away from zero to the fen; 128-bit intermediate, so no overflow.</summary>
    public static long Convert(long minorUnits, long cnyPerUnitMicros)
    {
        var product = (Int128)minorUnits * cnyPerUnitMicros;
        var half = product >= 0 ? Scale / 2 : -(Scale / 2);
        return (long)((product + half) / Scale);
    }
}
