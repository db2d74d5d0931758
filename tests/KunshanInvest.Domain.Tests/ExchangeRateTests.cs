using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Domain.Tests;

public sealed class ExchangeRateTests
{
    [Fact]
    public void One_hundred_usd_cents_at_7_12_is_712_fen()
    {
        // Arrange: 7.12 CNY per USD, stored × 10⁶.
        var rate = new ExchangeRate(2026, "USD", 7_120_000);

        // Act
        var fen = rate.ToFen(100);

        // Assert
        Assert.Equal(712, fen);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 7L)]
    [InlineData(50_000_000_00L, 356_000_000_00L)]
    public void Conversion_multiplies_by_the_rate(long usdCents, long expectedFen)
    {
        // Arrange
        var rate = new ExchangeRate(2026, "USD", 7_120_000);

        // Act
        var fen = rate.ToFen(usdCents);

        // Assert
        Assert.Equal(expectedFen, fen);
    }

    [Theory]
    [InlineData(1L, 7L)] // 7.125
    [InlineData(2L, 14L)] // 14.25
    [InlineData(3L, 21L)] // 21.375
    [InlineData(4L, 29L)] // 28.5: half goes away from zero
    [InlineData(100L, 713L)] // 712.5
    [InlineData(-4L, -29L)] // -28.5
    [InlineData(-100L, -713L)] // -712.5
    [InlineData(-3L, -21L)] // -21.375
    public void Conversion_rounds_half_away_from_zero_to_the_fen(long minorUnits, long expectedFen)
    {
        // Arrange: 7.125 CNY per unit.
        var rate = new ExchangeRate(2026, "USD", 7_125_000);

        // Act
        var fen = rate.ToFen(minorUnits);

        // Assert
        Assert.Equal(expectedFen, fen);
        Assert.Equal(expectedFen, ExchangeRate.Convert(minorUnits, 7_125_000));
    }

    [Theory]
    [InlineData(1L, 500_000L, 1L)] // 0.5 → 1, not banker's 0
    [InlineData(1L, 2_500_000L, 3L)] // 2.5 → 3, not banker's 2
    [InlineData(1L, 499_999L, 0L)] // just under half
    [InlineData(1L, 500_001L, 1L)]
    [InlineData(-1L, 500_000L, -1L)]
    [InlineData(-1L, 499_999L, 0L)]
    public void Convert_rounds_exact_halves_away_from_zero(long minorUnits, long cnyPerUnitMicros, long expectedFen)
    {
        // Arrange / Act
        var fen = ExchangeRate.Convert(minorUnits, cnyPerUnitMicros);

        // Assert
        Assert.Equal(expectedFen, fen);
    }

    [Fact]
    public void Conversion_does_not_overflow_when_the_intermediate_product_exceeds_a_long()
    {
        // Arrange: 10¹³ cents × 7,120,000 ≈ 7.1 × 10¹⁹, beyond long.MaxValue, while the result fits.
        var rate = new ExchangeRate(2026, "USD", 7_120_000);

        // Act
        var fen = rate.ToFen(10_000_000_000_000);

        // Assert
        Assert.Equal(71_200_000_000_000, fen);
    }

    [Fact]
    public void Rate_below_one_converts_correctly()
    {
        // Arrange: 0.048 CNY per JPY-like unit (hundredths as the domain assumes).
        var rate = new ExchangeRate(2026, "JPY", 48_000);

        // Act
        var fen = rate.ToFen(1_000_000);

        // Assert
        Assert.Equal(48_000, fen);
    }

    [Fact]
    public void Cny_at_par_converts_one_to_one()
    {
        // Arrange
        var rate = new ExchangeRate(2026, "CNY", ExchangeRate.Scale);

        // Act
        var fen = rate.ToFen(123_456);

        // Assert
        Assert.Equal(123_456, fen);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-7_120_000L)]
    public void Non_positive_rate_is_rejected(long micros)
    {
        // Arrange / Act
        var ex = Assert.Throws<DomainRuleException>(() => new ExchangeRate(2026, "USD", micros));

        // Assert
        Assert.Equal("rate.value", ex.Code);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("")]
    public void Bad_currency_is_rejected(string currency)
    {
        // Arrange / Act
        var ex = Assert.Throws<DomainRuleException>(() => new ExchangeRate(2026, currency, 7_120_000));

        // Assert
        Assert.Equal("rate.currency", ex.Code);
    }

    [Fact]
    public void Rate_keeps_year_currency_and_value()
    {
        // Arrange / Act
        var rate = new ExchangeRate(2025, "EUR", 7_850_000);

        // Assert
        Assert.Equal(2025, rate.Year);
        Assert.Equal("EUR", rate.Currency);
        Assert.Equal(7_850_000, rate.CnyPerUnitMicros);
    }
}
