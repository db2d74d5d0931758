using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(p => p.NameZh).HasMaxLength(Partner.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Partner.NameMaxLength);
        builder.Property(p => p.Country).HasMaxLength(Partner.CountryLength).IsFixedLength();
        builder.Property(p => p.StatusNote).HasMaxLength(Partner.NoteMaxLength);
        builder.HasIndex(p => new { p.Status, p.RegisteredAtUtc });
        builder.Ignore(p => p.DisplayName);
    }
}
