using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ConfigureAggregate();
        builder.HasOne<Sector>().WithMany().HasForeignKey(t => t.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Park>().WithMany().HasForeignKey(t => t.ParkId).OnDelete(DeleteBehavior.Restrict);

        // Not unique: NULL dimensions compare unequal on SQLite and PostgreSQL but equal on SQL Server, so the
        // handlers check that a (year, metric, sector, officer, park) combination is set once.
        builder.HasIndex(t => new { t.Year, t.Metric });
    }
}
