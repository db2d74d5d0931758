using KunshanInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal static class AggregateConfiguration
{
    public static void ConfigureAggregate<T>(this EntityTypeBuilder<T> builder)
        where T : AggregateRoot
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
