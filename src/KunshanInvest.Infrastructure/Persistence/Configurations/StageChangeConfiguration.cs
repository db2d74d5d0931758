using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(StageChange.NoteMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProjectId, c.AtUtc });
    }
}
