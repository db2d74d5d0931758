using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(i => i.Summary).HasMaxLength(Interaction.SummaryMaxLength);
        builder.Property(i => i.NextSteps).HasMaxLength(Interaction.NextStepsMaxLength);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ProjectId, i.OccurredAtUtc });
        builder.HasIndex(i => new { i.EnterpriseId, i.OccurredAtUtc });

        // The officer breakdown counts each officer's interactions in the period (GROUP BY ByUserId). With the foreign
        // key's single-column index SQLite walked it and fetched all 1,000,000 rows in index order (1.2 s at 100k
        // projects); this one covers the statement, so it reads the index alone (0.05 s). It replaces the FK index.
        builder.HasIndex(i => new { i.ByUserId, i.OccurredAtUtc });
    }
}
