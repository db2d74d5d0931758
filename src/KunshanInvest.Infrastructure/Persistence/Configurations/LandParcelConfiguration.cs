using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class LandParcelConfiguration : IEntityTypeConfiguration<LandParcel>
{
    public void Configure(EntityTypeBuilder<LandParcel> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(p => p.Code).HasMaxLength(LandParcel.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Note).HasMaxLength(LandParcel.NoteMaxLength);
        builder.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(p => p.ReservedForProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(p => p.SuppliedToProjectId).OnDelete(DeleteBehavior.Restrict);

        // Matching and the overview read available parcels by use and park.
        builder.HasIndex(p => new { p.Status, p.Use, p.ParkId, p.AreaMu });
    }
}
