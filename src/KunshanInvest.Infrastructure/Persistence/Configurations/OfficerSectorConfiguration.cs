using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class OfficerSectorConfiguration : IEntityTypeConfiguration<OfficerSector>
{
    public void Configure(EntityTypeBuilder<OfficerSector> builder)
    {
        builder.HasKey(o => new { o.UserId, o.SectorId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sector>().WithMany().HasForeignKey(o => o.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.SectorId);
    }
}
