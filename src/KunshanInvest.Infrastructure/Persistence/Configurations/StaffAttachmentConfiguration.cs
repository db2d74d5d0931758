using KunshanInvest.Domain.Files;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

/// <summary>One table for the three owners (ADR 0037): the owner is (kind, id) without a foreign key, and the list reads by that pair.</summary>
internal sealed class StaffAttachmentConfiguration : IEntityTypeConfiguration<StaffAttachment>
{
    public void Configure(EntityTypeBuilder<StaffAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(StaffAttachment.FileNameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(StaffAttachment.StoredNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(StaffAttachment.ContentTypeMaxLength);
        builder.Ignore(a => a.IsImage);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OwnerKind, a.OwnerId, a.UploadedAtUtc });
    }
}
