using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Negative_amount_is_rejected()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-1, "CNY"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cny")]
    [InlineData("Usd")]
    [InlineData("US")]
    [InlineData("USDT")]
    [InlineData("U5D")]
    [InlineData(" USD")]
    [InlineData("ＵＳＤ")]
    [InlineData("人民币")]
    public void Currency_that_is_not_three_upper_case_letters_is_rejected(string currency)
    {
        // Arrange / Act
        var ex = Assert.Throws<ArgumentException>(() => new Money(100, currency));

        // Assert
        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Null_currency_is_rejected()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentException>(() => new Money(100, null!));
    }

    [Fact]
    public void Zero_is_a_valid_amount()
    {
        // Arrange / Act
        var money = new Money(0, "USD");

        // Assert
        Assert.Equal(0, money.MinorUnits);
        Assert.Equal("USD", money.Currency);
    }

    [Fact]
    public void Cny_wan_converts_ten_thousand_yuan_units_to_fen()
    {
        // Arrange: 1.5 万元 = 15,000 yuan = 1,500,000 fen.
        const long expectedFen = 1_500_000;

        // Act
        var money = Money.CnyWan(1.5m);

        // Assert
        Assert.Equal(expectedFen, money.MinorUnits);
        Assert.Equal("CNY", money.Currency);
        Assert.Equal(15_000m, money.Major);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 1_000_000L)]
    [InlineData("0.0001", 100L)]
    [InlineData("1.234567", 1_234_567L)]
    [InlineData("30000", 30_000_000_000L)]
    public void Cny_wan_keeps_every_fen(string wan, long expectedFen)
    {
        // Arrange
        var amount = decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var money = Money.CnyWan(amount);

        // Assert
        Assert.Equal(expectedFen, money.MinorUnits);
    }

    [Fact]
    public void Cny_wan_rejects_a_negative_amount()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.CnyWan(-1m));
    }

    [Fact]
    public void Cny_uses_fen_and_the_cny_code()
    {
        // Arrange / Act
        var money = Money.Cny(12_345);

        // Assert
        Assert.Equal(12_345, money.MinorUnits);
        Assert.Equal("CNY", money.Currency);
        Assert.Equal(123.45m, money.Major);
    }

    [Fact]
    public void Equal_amounts_in_the_same_currency_are_equal()
    {
        // Arrange
        var one = Money.Cny(100);
        var other = new Money(100, "CNY");

        // Act / Assert
        Assert.Equal(one, other);
        Assert.NotEqual(one, new Money(100, "USD"));
        Assert.NotEqual(one, Money.Cny(101));
    }

    [Fact]
    public void Currency_code_check_accepts_only_three_upper_case_letters()
    {
        // Arrange / Act / Assert
        Assert.True(Money.IsCurrencyCode("EUR"));
        Assert.False(Money.IsCurrencyCode(null));
        Assert.False(Money.IsCurrencyCode("eur"));
        Assert.False(Money.IsCurrencyCode("EURO"));
    }
}
