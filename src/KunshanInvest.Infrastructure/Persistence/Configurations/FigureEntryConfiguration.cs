using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class FigureEntryConfiguration : IEntityTypeConfiguration<FigureEntry>
{
    public void Configure(EntityTypeBuilder<FigureEntry> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(f => f.Currency).HasMaxLength(3);
        builder.Property(f => f.Note).HasMaxLength(FigureEntry.NoteMaxLength);
        builder.Property(f => f.RejectedReason).HasMaxLength(FigureEntry.ReasonMaxLength);
        builder.Property(f => f.EvidenceFileName).HasMaxLength(FigureEntry.FileNameMaxLength);
        builder.Property(f => f.EvidenceStoredName).HasMaxLength(FigureEntry.StoredNameMaxLength);
        builder.Property(f => f.EvidenceContentType).HasMaxLength(FigureEntry.ContentTypeMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.EnteredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CheckedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FigureEntry>().WithMany().HasForeignKey(f => f.SupersedesId).OnDelete(DeleteBehavior.Restrict);

        // Reports sum verified figures of a kind over a period range, per project (covering the sum).
        builder.HasIndex(f => new { f.Status, f.Kind, f.Period, f.ProjectId, f.Value });

        // A project page lists its entries by month.
        builder.HasIndex(f => new { f.ProjectId, f.Period });
    }
}
