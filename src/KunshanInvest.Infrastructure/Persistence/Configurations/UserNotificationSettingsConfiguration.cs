using KunshanInvest.Domain.Channels;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class UserNotificationSettingsConfiguration : IEntityTypeConfiguration<UserNotificationSettings>
{
    public void Configure(EntityTypeBuilder<UserNotificationSettings> builder)
    {
        builder.ToTable("UserNotificationSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Mobile).HasMaxLength(UserNotificationSettings.MobileMaxLength);
        builder.Property(s => s.ImUserId).HasMaxLength(UserNotificationSettings.ImUserIdMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(s => s.WeComChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(s => s.DingTalkChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.UserId).IsUnique();
    }
}
