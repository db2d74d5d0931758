using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Tests;

public sealed class CurrenciesTests
{
    [Fact]
    public void The_list_starts_with_the_default_and_every_code_is_a_valid_money_currency()
    {
        // Arrange / Act / Assert
        Assert.Equal(Currencies.Cny, Currencies.All[0]);
        Assert.All(Currencies.All, code => Assert.True(Money.IsCurrencyCode(code), code));
        Assert.Equal(Currencies.All.Count, Currencies.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("CNY", true)]
    [InlineData("GBP", true)]   // once offered on a lead but not in a signing table
    [InlineData("SGD", true)]
    [InlineData("gbp", false)]
    [InlineData("AUD", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_listed_codes_are_supported(string? code, bool supported)
    {
        // Arrange / Act / Assert
        Assert.Equal(supported, Currencies.IsSupported(code));
    }
}
