using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Rates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        builder.HasIndex(r => new { r.Year, r.Currency }).IsUnique();
    }
}
