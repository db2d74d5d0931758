using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class CarrierEventConfiguration : IEntityTypeConfiguration<CarrierEvent>
{
    public void Configure(EntityTypeBuilder<CarrierEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Note).HasMaxLength(CarrierEvent.NoteMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.Restrict);

        // A carrier's page shows its history, newest first; a project shows the carriers it held.
        builder.HasIndex(e => new { e.CarrierKind, e.CarrierId, e.AtUtc });
        builder.HasIndex(e => e.ProjectId);
    }
}
