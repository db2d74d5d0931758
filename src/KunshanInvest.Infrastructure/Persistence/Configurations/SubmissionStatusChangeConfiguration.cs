using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class SubmissionStatusChangeConfiguration : IEntityTypeConfiguration<SubmissionStatusChange>
{
    public void Configure(EntityTypeBuilder<SubmissionStatusChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(PartnerSubmission.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubmissionId, c.AtUtc });
    }
}
