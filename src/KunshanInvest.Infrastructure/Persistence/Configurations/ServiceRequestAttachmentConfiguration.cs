using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ServiceRequestAttachmentConfiguration : IEntityTypeConfiguration<ServiceRequestAttachment>
{
    public void Configure(EntityTypeBuilder<ServiceRequestAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(ServiceRequestAttachment.FileNameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(ServiceRequestAttachment.StoredNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(ServiceRequestAttachment.ContentTypeMaxLength);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RequestId);
    }
}
