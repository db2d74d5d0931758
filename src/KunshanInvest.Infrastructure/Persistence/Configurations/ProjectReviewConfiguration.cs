using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ProjectReviewConfiguration : IEntityTypeConfiguration<ProjectReview>
{
    public void Configure(EntityTypeBuilder<ProjectReview> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.DecisionText).HasMaxLength(ProjectReview.TextMaxLength);
        builder.Ignore(r => r.Sheet);
        builder.Ignore(r => r.Thresholds);
        builder.Ignore(r => r.Shortfalls);
        builder.Ignore(r => r.IsPassed);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Opinions).WithOne().HasForeignKey(o => o.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Opinions).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One row per round: two submissions racing for the same round cannot both land.
        builder.HasIndex(r => new { r.ProjectId, r.Round }).IsUnique();

        // The review list: pending first, then decided by date.
        builder.HasIndex(r => new { r.Status, r.DecidedAtUtc, r.SubmittedAtUtc });
    }
}
