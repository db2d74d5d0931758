using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class AttributionConfiguration : IEntityTypeConfiguration<Attribution>
{
    public void Configure(EntityTypeBuilder<Attribution> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        builder.Property(a => a.NameZhKey).HasMaxLength(Attribution.KeyMaxLength);
        builder.Property(a => a.NameEnKey).HasMaxLength(Attribution.KeyMaxLength);
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.SubmissionId).IsUnique();
        builder.HasIndex(a => a.CreditCode);
        builder.HasIndex(a => a.NameZhKey);
        builder.HasIndex(a => a.NameEnKey);
        builder.HasIndex(a => new { a.PartnerId, a.ReportedAtUtc });
    }
}
