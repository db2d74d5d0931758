using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.HashLength).IsFixedLength();
        builder.Property(r => r.ResponseBody).HasMaxLength(8000);
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Restrict);

        // Settles races: of two requests with the same key, the database lets exactly one insert.
        builder.HasIndex(r => new { r.PartnerId, r.Key }).IsUnique();
    }
}
