using KunshanInvest.Domain.Channels;
using KunshanInvest.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ChannelMessageConfiguration : IEntityTypeConfiguration<ChannelMessage>
{
    public void Configure(EntityTypeBuilder<ChannelMessage> builder)
    {
        builder.ToTable("ChannelMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(ChannelMessage.KindMaxLength).IsRequired();
        builder.Property(m => m.Period).HasMaxLength(ChannelMessage.PeriodMaxLength).IsRequired();
        builder.Property(m => m.TitleCode).HasMaxLength(ChannelMessage.CodeMaxLength);
        builder.Property(m => m.BodyCode).HasMaxLength(ChannelMessage.CodeMaxLength);
        builder.Property(m => m.ArgsJson).HasMaxLength(Notification.ArgsMaxLength);
        builder.Property(m => m.Title).HasMaxLength(ChannelMessage.TitleMaxLength).IsRequired();
        builder.Property(m => m.Link).HasMaxLength(ChannelMessage.LinkMaxLength);
        builder.Property(m => m.MentionMobile).HasMaxLength(ChannelMessage.MentionMaxLength);
        builder.Property(m => m.MentionUserId).HasMaxLength(ChannelMessage.MentionMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(ChannelMessage.ErrorMaxLength);
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ChannelId, m.Kind, m.SubjectId, m.Period }).IsUnique();
        builder.HasIndex(m => new { m.ChannelId, m.SentAtUtc, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.NotificationId);
    }
}
