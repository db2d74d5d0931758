using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProjectReassignmentConfiguration : IEntityTypeConfiguration<ProjectReassignment>
{
    public void Configure(EntityTypeBuilder<ProjectReassignment> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(ProjectReassignment.ReasonMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.FromOwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ToOwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ByUserId).OnDelete(DeleteBehavior.Restrict);

        // The project page shows a project's reassignments newest first.
        builder.HasIndex(r => new { r.ProjectId, r.AtUtc });
    }
}
