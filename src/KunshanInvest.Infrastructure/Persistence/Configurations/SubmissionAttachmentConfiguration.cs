using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class SubmissionAttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(SubmissionAttachment.FileNameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(SubmissionAttachment.StoredNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(SubmissionAttachment.ContentTypeMaxLength);
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SubmissionId, a.PartnerId });
    }
}
