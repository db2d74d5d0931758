using KunshanInvest.Domain.Reviews;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class NamedReviewerConfiguration : IEntityTypeConfiguration<NamedReviewer>
{
    public void Configure(EntityTypeBuilder<NamedReviewer> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Note).HasMaxLength(NamedReviewer.NoteMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.NamedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.UserId).IsUnique();
    }
}
