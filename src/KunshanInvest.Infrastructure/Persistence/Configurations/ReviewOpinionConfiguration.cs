using KunshanInvest.Domain.Reviews;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ReviewOpinionConfiguration : IEntityTypeConfiguration<ReviewOpinion>
{
    public void Configure(EntityTypeBuilder<ReviewOpinion> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Comment).HasMaxLength(ProjectReview.TextMaxLength);
        builder.Ignore(o => o.Scores);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.ReviewerId).OnDelete(DeleteBehavior.Restrict);

        // One opinion per reviewer per round: speaking again replaces it.
        builder.HasIndex(o => new { o.ReviewId, o.ReviewerId }).IsUnique();
    }
}
