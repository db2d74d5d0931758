using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PremisesConfiguration : IEntityTypeConfiguration<Premises>
{
    public void Configure(EntityTypeBuilder<Premises> builder)
    {
        builder.ConfigureAggregate();
        builder.ToTable("Premises");
        builder.Property(p => p.Building).HasMaxLength(Premises.BuildingMaxLength);
        builder.Property(p => p.Note).HasMaxLength(Premises.NoteMaxLength);
        builder.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(p => p.ReservedForProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(p => p.OccupiedByProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.Kind, p.ParkId, p.VacantM2 });
    }
}
