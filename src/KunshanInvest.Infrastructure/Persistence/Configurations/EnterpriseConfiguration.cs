using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(e => e.NameZh).HasMaxLength(Enterprise.NameMaxLength);
        builder.Property(e => e.NameEn).HasMaxLength(Enterprise.NameMaxLength);
        builder.Property(e => e.NameZhKey).HasMaxLength(Enterprise.NameMaxLength);
        builder.Property(e => e.NameEnKey).HasMaxLength(Enterprise.NameMaxLength);
        builder.Property(e => e.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        builder.Property(e => e.Country).HasMaxLength(Enterprise.CountryLength).IsFixedLength();
        builder.Property(e => e.Website).HasMaxLength(Enterprise.WebsiteMaxLength);
        builder.Property(e => e.Note).HasMaxLength(Enterprise.NoteMaxLength);
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.HasIndex(e => e.NameZhKey);
        builder.HasIndex(e => e.NameEnKey);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ServiceOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(e => e.DisplayName);
    }
}
