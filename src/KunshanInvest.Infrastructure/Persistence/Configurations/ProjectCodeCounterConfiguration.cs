using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

/// <summary>Written by <see cref="Projects.ProjectCodeAllocator"/>'s raw SQL only (ADR 0020).</summary>
internal sealed class ProjectCodeCounterConfiguration : IEntityTypeConfiguration<ProjectCodeCounter>
{
    public void Configure(EntityTypeBuilder<ProjectCodeCounter> builder)
    {
        builder.ToTable("ProjectCodeCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
