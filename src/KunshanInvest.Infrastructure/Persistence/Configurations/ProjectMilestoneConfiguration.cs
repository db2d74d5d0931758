using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(m => m.CreditCode).HasMaxLength(18);
        builder.Property(m => m.CarrierReference).HasMaxLength(ProjectMilestone.ReferenceMaxLength);
        builder.Property(m => m.NoCarrierReason).HasMaxLength(ProjectMilestone.TextMaxLength);
        builder.HasOne<Domain.Carriers.LandParcel>().WithMany().HasForeignKey(m => m.LandParcelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Carriers.Premises>().WithMany().HasForeignKey(m => m.PremisesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.NoCarrierById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.OverrideReason).HasMaxLength(ProjectMilestone.TextMaxLength);
        builder.Property(m => m.Note).HasMaxLength(ProjectMilestone.TextMaxLength);
        builder.Property(m => m.EvidenceFileName).HasMaxLength(ProjectMilestone.FileNameMaxLength);
        builder.Property(m => m.EvidenceStoredName).HasMaxLength(ProjectMilestone.StoredNameMaxLength);
        builder.Property(m => m.EvidenceContentType).HasMaxLength(ProjectMilestone.ContentTypeMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.OverrideById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProjectId, m.Kind }).IsUnique();
    }
}
