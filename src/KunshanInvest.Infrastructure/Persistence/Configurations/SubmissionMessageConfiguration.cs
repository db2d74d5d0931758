using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class SubmissionMessageConfiguration : IEntityTypeConfiguration<SubmissionMessage>
{
    public void Configure(EntityTypeBuilder<SubmissionMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Body).HasMaxLength(SubmissionMessage.BodyMaxLength);
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(m => m.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SubmissionId, m.AtUtc });
    }
}
