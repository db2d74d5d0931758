using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

/// <summary>
/// The table is filled by one INSERT … SELECT (ReportSql), so its name and columns are written out here and there:
/// keep them in step.
/// </summary>
internal sealed class PipelineSnapshotConfiguration : IEntityTypeConfiguration<PipelineSnapshot>
{
    public const string Table = "PipelineSnapshots";

    public void Configure(EntityTypeBuilder<PipelineSnapshot> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        builder.HasIndex(s => new { s.Day, s.SectorId });
    }
}
