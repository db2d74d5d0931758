using KunshanInvest.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(c => c.Code).HasMaxLength(ServiceCategory.CodeMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameZh).HasMaxLength(ServiceCategory.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(ServiceCategory.NameMaxLength);
    }
}
