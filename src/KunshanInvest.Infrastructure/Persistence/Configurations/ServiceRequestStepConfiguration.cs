using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ServiceRequestStepConfiguration : IEntityTypeConfiguration<ServiceRequestStep>
{
    public void Configure(EntityTypeBuilder<ServiceRequestStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Note).HasMaxLength(ServiceRequest.ReplyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RequestId, s.AtUtc });
    }
}
