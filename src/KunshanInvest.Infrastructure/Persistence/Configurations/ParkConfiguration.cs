using KunshanInvest.Domain.Parks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(p => p.Code).HasMaxLength(Park.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameZh).HasMaxLength(Park.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Park.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Park.DescriptionMaxLength);
    }
}
