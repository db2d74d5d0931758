using KunshanInvest.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
        builder.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength);
        builder.Property(a => a.ActorName).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => a.ActorId);
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditHash.Length).IsUnicode(false);
        builder.Property(a => a.Hash).HasMaxLength(AuditHash.Length).IsUnicode(false);

        // Gap-free and unique: verification walks the chain by it. Rows written before the chain have none until sealed.
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}
