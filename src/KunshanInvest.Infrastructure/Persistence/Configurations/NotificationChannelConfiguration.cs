using KunshanInvest.Domain.Channels;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.ToTable("NotificationChannels");
        builder.ConfigureAggregate();
        builder.Property(c => c.Name).HasMaxLength(NotificationChannel.NameMaxLength).IsRequired();
        builder.Property(c => c.WebhookUrl).HasMaxLength(NotificationChannel.UrlMaxLength).IsRequired();
        builder.Property(c => c.Secret).HasMaxLength(NotificationChannel.SecretMaxLength);
        builder.Property(c => c.Language).HasMaxLength(NotificationChannel.LanguageMaxLength).IsRequired();
        builder.HasOne<Sector>().WithMany().HasForeignKey(c => c.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SectorId);
    }
}
