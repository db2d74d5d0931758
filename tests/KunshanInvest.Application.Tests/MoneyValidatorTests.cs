using KunshanInvest.Application.Common;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Application.Tests;

/// <summary>Every form that takes money (lead, project, figures, signing table, portal) validates it with one list.</summary>
public sealed class MoneyValidatorTests
{
    public static TheoryData<string> Listed => [.. Currencies.All];

    [Theory]
    [MemberData(nameof(Listed))]
    public void Every_listed_currency_is_accepted(string currency)
    {
        // Arrange / Act
        var result = new MoneyValidator().Validate(new MoneyDto(1_000_000, currency));

        // Assert
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("AUD")]
    [InlineData("usd")]
    [InlineData("")]
    public void A_currency_off_the_list_is_rejected(string currency)
    {
        // Arrange / Act
        var result = new MoneyValidator().Validate(new MoneyDto(1_000_000, currency));

        // Assert
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(MoneyDto.Currency));
    }
}
