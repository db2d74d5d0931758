using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PartnerSubmissionConfiguration : IEntityTypeConfiguration<PartnerSubmission>
{
    public void Configure(EntityTypeBuilder<PartnerSubmission> builder)
    {
        builder.ToTable("PartnerSubmissions");
        builder.ConfigureAggregate();
        builder.Property(s => s.Reference).HasMaxLength(PartnerSubmission.ReferenceMaxLength);
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.Property(s => s.EnterpriseNameZh).HasMaxLength(PartnerSubmission.NameMaxLength);
        builder.Property(s => s.EnterpriseNameEn).HasMaxLength(PartnerSubmission.NameMaxLength);
        builder.Property(s => s.Country).HasMaxLength(Enterprise.CountryLength).IsFixedLength();
        builder.Property(s => s.CreditCode).HasMaxLength(CreditCode.Length).IsFixedLength();
        builder.Property(s => s.Summary).HasMaxLength(PartnerSubmission.SummaryMaxLength);
        builder.Property(s => s.ContactName).HasMaxLength(PartnerSubmission.ContactMaxLength);
        builder.Property(s => s.ContactPhone).HasMaxLength(PartnerSubmission.ContactMaxLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(PartnerSubmission.ContactMaxLength);
        builder.Property(s => s.RejectReason).HasMaxLength(PartnerSubmission.ReasonMaxLength);
        builder.ComplexProperty(s => s.EstimatedInvestment, m => m.MapMoney("EstimatedInvestment"));
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.MatchedEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(s => s.MatchedProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.StatusChanges).WithOne().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.StatusChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.PartnerId, s.SubmittedAtUtc });
        builder.HasIndex(s => new { s.Status, s.SubmittedAtUtc });
        builder.Ignore(s => s.EnterpriseDisplayName);
        builder.Ignore(s => s.IsOpen);
    }
}
