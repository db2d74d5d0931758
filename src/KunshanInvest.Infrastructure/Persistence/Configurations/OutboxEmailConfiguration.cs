using KunshanInvest.Domain.Notifications;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength);
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.ErrorMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.NotificationId);
        builder.HasIndex(e => new { e.SentAtUtc, e.CreatedAtUtc });
    }
}
