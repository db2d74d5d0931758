using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(f => f.Title).HasMaxLength(FollowUp.TitleMaxLength);
        builder.Property(f => f.CompletionNote).HasMaxLength(FollowUp.NoteMaxLength);
        builder.Property(f => f.Notes).HasMaxLength(FollowUp.NoteMaxLength);
        builder.Property(f => f.RescheduleReason).HasMaxLength(FollowUp.ReasonMaxLength);
        builder.Property(f => f.CancelReason).HasMaxLength(FollowUp.ReasonMaxLength);
        builder.HasOne<InvestmentProject>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CompletedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CancelledById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.AssigneeId, f.Status, f.DueOn });
        builder.HasIndex(f => new { f.ProjectId, f.Status });
    }
}
