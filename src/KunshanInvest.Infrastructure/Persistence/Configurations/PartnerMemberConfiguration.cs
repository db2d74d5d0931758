using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PartnerMemberConfiguration : IEntityTypeConfiguration<PartnerMember>
{
    public void Configure(EntityTypeBuilder<PartnerMember> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Partner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => m.PartnerId);
    }
}
