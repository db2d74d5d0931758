using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class RewardPayoutConfiguration : IEntityTypeConfiguration<RewardPayout>
{
    public void Configure(EntityTypeBuilder<RewardPayout> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(p => p.Reference).HasMaxLength(RewardPayout.ReferenceMaxLength);
        builder.Property(p => p.Note).HasMaxLength(RewardPayout.NoteMaxLength);
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.PaidById).OnDelete(DeleteBehavior.Restrict);

        // The balance sums a partner's payouts by status; the list shows them newest first.
        builder.HasIndex(p => new { p.PartnerId, p.Status, p.AmountFen });
        builder.HasIndex(p => p.RequestedAtUtc);
    }
}
