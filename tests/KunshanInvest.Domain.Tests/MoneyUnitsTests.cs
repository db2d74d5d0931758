using System.Globalization;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Tests;

/// <summary>万/亿 ↔ minor units: one rounding rule (half away from zero, 四舍五入) and no silent overflow.</summary>
public sealed class MoneyUnitsTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 1_000_000L)]
    [InlineData("1.5", 1_500_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("1.234567", 1_234_567L)]
    [InlineData("-2.5", -2_500_000L)]
    public void Wan_to_minor_keeps_every_minor_unit(string wan, long expected)
    {
        // Arrange
        var amount = decimal.Parse(wan, CultureInfo.InvariantCulture);

        // Act
        var minor = MoneyUnits.WanToMinor(amount);

        // Assert
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("0.0000005", 1L)]      // half a fen rounds up, not to the even 0
    [InlineData("0.0000025", 3L)]      // 2.5 fen → 3 (banker's rounding would give 2)
    [InlineData("0.0000015", 2L)]
    [InlineData("0.0000014999", 1L)]
    [InlineData("-0.0000005", -1L)]    // away from zero on the negative side too
    [InlineData("-0.0000025", -3L)]
    public void Wan_to_minor_rounds_half_away_from_zero(string wan, long expected)
    {
        // Arrange
        var amount = decimal.Parse(wan, CultureInfo.InvariantCulture);

        // Act
        var minor = MoneyUnits.WanToMinor(amount);

        // Assert
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("0.00000000005", 1L)]
    [InlineData("0.00000000025", 3L)]
    [InlineData("-0.00000000025", -3L)]
    [InlineData("3.5", 35_000_000_000L)]
    public void Yi_to_minor_uses_the_same_rule(string yi, long expected)
    {
        // Arrange
        var amount = decimal.Parse(yi, CultureInfo.InvariantCulture);

        // Act
        var minor = MoneyUnits.YiToMinor(amount);

        // Assert
        Assert.Equal(expected, minor);
    }

    [Fact]
    public void Wan_beyond_a_long_of_minor_units_throws_instead_of_wrapping()
    {
        // Arrange: long.MaxValue minor units is about 9.2 × 10¹² 万.
        var tooLarge = 10_000_000_000_000m;
        var tooSmall = -tooLarge;

        // Act / Assert
        Assert.Throws<OverflowException>(() => MoneyUnits.WanToMinor(tooLarge));
        Assert.Throws<OverflowException>(() => MoneyUnits.WanToMinor(tooSmall));
        Assert.Throws<OverflowException>(() => MoneyUnits.WanToMinor(decimal.MaxValue));
        Assert.Throws<OverflowException>(() => MoneyUnits.YiToMinor(1_000_000_000m));
    }

    [Fact]
    public void Minor_to_wan_is_exact_and_round_trips()
    {
        // Arrange
        long[] amounts = [0, 1, -1, 1_234_567, long.MaxValue, long.MinValue];

        // Act / Assert
        Assert.Equal(0.000001m, MoneyUnits.MinorToWan(1));
        Assert.Equal(12_345.678901m, MoneyUnits.MinorToWan(12_345_678_901));
        Assert.Equal(0.0000000001m, MoneyUnits.MinorToYi(1));
        Assert.All(amounts, a => Assert.Equal(a, MoneyUnits.WanToMinor(MoneyUnits.MinorToWan(a))));
    }

    [Fact]
    public void Null_stays_null()
    {
        // Arrange / Act / Assert
        Assert.Null(MoneyUnits.WanToMinor((decimal?)null));
        Assert.Null(MoneyUnits.MinorToWan((long?)null));
    }

    [Fact]
    public void Cny_wan_and_the_above_scale_threshold_use_the_helper()
    {
        // Arrange / Act / Assert: 2000 万元 = 20 million yuan.
        Assert.Equal(MoneyUnits.WanToMinor(0.0000025m), Money.CnyWan(0.0000025m).MinorUnits);
        Assert.Equal(20_000_000L * 100, MoneyUnits.WanToMinor(2_000m));
    }
}
