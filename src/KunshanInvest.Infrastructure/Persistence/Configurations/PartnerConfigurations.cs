using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(p => p.NameZh).HasMaxLength(Partner.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Partner.NameMaxLength);
        builder.Property(p => p.Country).HasMaxLength(Partner.CountryLength).IsFixedLength();
        builder.Property(p => p.StatusNote).HasMaxLength(Partner.NoteMaxLength);
        builder.HasIndex(p => new { p.Status, p.RegisteredAtUtc });
        builder.Ignore(p => p.DisplayName);
    }
}

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

internal sealed class SubmissionStatusChangeConfiguration : IEntityTypeConfiguration<SubmissionStatusChange>
{
    public void Configure(EntityTypeBuilder<SubmissionStatusChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(PartnerSubmission.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubmissionId, c.AtUtc });
    }
}

internal sealed class SubmissionAttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(SubmissionAttachment.FileNameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(SubmissionAttachment.StoredNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(SubmissionAttachment.ContentTypeMaxLength);
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SubmissionId, a.PartnerId });
    }
}

internal sealed class SubmissionMessageConfiguration : IEntityTypeConfiguration<SubmissionMessage>
{
    public void Configure(EntityTypeBuilder<SubmissionMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Body).HasMaxLength(SubmissionMessage.BodyMaxLength);
        builder.HasOne<PartnerSubmission>().WithMany().HasForeignKey(m => m.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SubmissionId, m.AtUtc });
    }
}

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
