using KunshanInvest.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PromotionEventConfiguration : IEntityTypeConfiguration<PromotionEvent>
{
    public void Configure(EntityTypeBuilder<PromotionEvent> builder)
    {
        builder.ToTable("Events");
        builder.ConfigureAggregate();
        builder.Property(e => e.Code).HasMaxLength(PromotionEvent.CodeMaxLength);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.NameZh).HasMaxLength(PromotionEvent.NameMaxLength);
        builder.Property(e => e.NameEn).HasMaxLength(PromotionEvent.NameMaxLength);
        builder.Property(e => e.Place).HasMaxLength(PromotionEvent.TextMaxLength);
        builder.Property(e => e.Organiser).HasMaxLength(PromotionEvent.TextMaxLength);
        builder.Property(e => e.Note).HasMaxLength(PromotionEvent.TextMaxLength);
    }
}
