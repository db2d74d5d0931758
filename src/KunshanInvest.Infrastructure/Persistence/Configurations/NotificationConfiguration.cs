using KunshanInvest.Domain.Notifications;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(Notification.KindMaxLength);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.TitleCode).HasMaxLength(Notification.CodeMaxLength);
        builder.Property(n => n.BodyCode).HasMaxLength(Notification.CodeMaxLength);
        builder.Property(n => n.ArgsJson).HasMaxLength(Notification.ArgsMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });
        builder.Property(n => n.Period).HasMaxLength(Notification.PeriodMaxLength);

        // A job's effect happens once: the database refuses a second notice of the same kind, subject and period to
        // the same user, whatever two servers or a retried job attempt. (Nullable columns: ordinary notices, which
        // have neither, are not constrained; SQL Server gets the matching filter.)
        builder.HasIndex(n => new { n.Kind, n.Period, n.SubjectId, n.UserId }).IsUnique();
    }
}
