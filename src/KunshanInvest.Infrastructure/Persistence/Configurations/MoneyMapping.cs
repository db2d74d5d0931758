using KunshanInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal static class MoneyMapping
{
    public static void MapMoney(this ComplexPropertyBuilder<Money> money, string prefix)
    {
        money.Property(m => m.MinorUnits).HasColumnName($"{prefix}Minor");
        money.Property(m => m.Currency).HasColumnName($"{prefix}Currency").HasMaxLength(Money.CurrencyLength).IsFixedLength();
        money.Ignore(m => m.Major);
    }
}
