using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class EnterpriseAliasConfiguration : IEntityTypeConfiguration<EnterpriseAlias>
{
    public void Configure(EntityTypeBuilder<EnterpriseAlias> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(a => a.Text).HasMaxLength(EnterpriseAlias.TextMaxLength);
        builder.Property(a => a.Key).HasMaxLength(EnterpriseAlias.TextMaxLength);
        builder.HasIndex(a => a.Key);
        builder.HasIndex(a => new { a.EnterpriseId, a.Key }).IsUnique();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}
