using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class AgreementCommitmentConfiguration : IEntityTypeConfiguration<AgreementCommitment>
{
    public void Configure(EntityTypeBuilder<AgreementCommitment> builder)
    {
        builder.ToTable("AgreementCommitments");
        builder.ConfigureAggregate();
        builder.Property(c => c.Clause).HasMaxLength(AgreementCommitment.ClauseMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);

        // The project page lists a project's commitments by check date.
        builder.HasIndex(c => new { c.ProjectId, c.CheckOn });

        // The daily check and the overview look for unflagged commitments past (or near) their check date.
        builder.HasIndex(c => new { c.MissedFlaggedAtUtc, c.CheckOn });
    }
}
