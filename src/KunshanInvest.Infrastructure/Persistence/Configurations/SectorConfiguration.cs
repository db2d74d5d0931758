using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(s => s.Code).HasMaxLength(Sector.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.NameZh).HasMaxLength(Sector.NameMaxLength);
        builder.Property(s => s.NameEn).HasMaxLength(Sector.NameMaxLength);
        builder.Property(s => s.DescriptionZh).HasMaxLength(Sector.DescriptionMaxLength);
        builder.Property(s => s.DescriptionEn).HasMaxLength(Sector.DescriptionMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.LeadOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Limits);
    }
}
