using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.Description).HasMaxLength(ServiceRequest.DescriptionMaxLength);
        builder.Property(r => r.ContactName).HasMaxLength(ServiceRequest.ContactMaxLength);
        builder.Property(r => r.ContactPhone).HasMaxLength(ServiceRequest.PhoneMaxLength);
        builder.Property(r => r.Reply).HasMaxLength(ServiceRequest.ReplyMaxLength);
        builder.Property(r => r.ReturnedReason).HasMaxLength(ServiceRequest.ReasonMaxLength);
        builder.Property(r => r.VisitComment).HasMaxLength(ServiceRequest.CommentMaxLength);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ServiceOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A department's queue: its open requests by deadline; the jobs look for open requests by deadline.
        builder.HasIndex(r => new { r.DepartmentId, r.Status, r.DueAtUtc });
        builder.HasIndex(r => new { r.Status, r.DueAtUtc });

        // The enterprise page lists its requests, newest first.
        builder.HasIndex(r => new { r.EnterpriseId, r.AcceptedAtUtc });
    }
}
