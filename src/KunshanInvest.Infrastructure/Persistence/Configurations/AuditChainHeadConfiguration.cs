using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(AuditHash.Length).IsUnicode(false);
        builder.Property(h => h.AnchorHash).HasMaxLength(AuditHash.Length).IsUnicode(false);

        // The one row every append locks; it exists from the migration on, so no append ever races to create it.
        builder.HasData(new
        {
            Id = AuditChainHead.SingletonId,
            Sequence = 0L,
            Hash = AuditHash.Genesis,
            AnchorSequence = 0L,
            AnchorHash = AuditHash.Genesis,
            SealedAtUtc = (DateTime?)null,
        });
    }
}
