using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameZh).HasMaxLength(Department.NameMaxLength);
        builder.Property(d => d.NameEn).HasMaxLength(Department.NameMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.HeadUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
