using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures;

/// <summary>What a project has realised, from its verified entries only: summed in SQL.</summary>
public sealed record RealisedSums(long FundsInPlaceFen, long ForeignCapitalUsdCents, long TaxFen, long OutputFen, long RevenueFen, int? Jobs, int Year);

/// <summary>The only figures that count anywhere: <see cref="FigureStatus.Verified"/> entries.</summary>
public static class VerifiedFigures
{
    public static IQueryable<FigureEntry> Of(IAppDbContext db) => db.FigureEntries.Where(f => f.Status == FigureStatus.Verified);

    /// <summary>
    /// Cumulative 到位资金 and 实际使用外资, <paramref name="year"/>'s tax, output and revenue, and the latest month's
    /// headcount: two statements (sums per kind, then the latest headcount).
    /// </summary>
    public static async Task<RealisedSums> RealisedAsync(IAppDbContext db, Guid projectId, int year, CancellationToken cancellationToken)
    {
        var (first, last) = FigurePeriod.YearRange(year);
        var sums = await Of(db)
            .Where(f => f.ProjectId == projectId && f.Kind != FigureKind.Jobs)
            .GroupBy(f => f.Kind)
            .Select(g => new { Kind = g.Key, All = g.Sum(f => f.Value), Year = g.Sum(f => f.Period >= first && f.Period <= last ? f.Value : 0) })
            .ToDictionaryAsync(s => s.Kind, cancellationToken);
        var jobs = await Of(db)
            .Where(f => f.ProjectId == projectId && f.Kind == FigureKind.Jobs)
            .OrderByDescending(f => f.Period).ThenByDescending(f => f.CheckedAtUtc)
            .Select(f => (long?)f.Value)
            .FirstOrDefaultAsync(cancellationToken);

        long All(FigureKind kind) => sums.TryGetValue(kind, out var s) ? s.All : 0;
        long ThisYear(FigureKind kind) => sums.TryGetValue(kind, out var s) ? s.Year : 0;
        return new RealisedSums(
            All(FigureKind.FundsInPlace), All(FigureKind.ForeignCapitalUsed),
            ThisYear(FigureKind.TaxPaid), ThisYear(FigureKind.IndustrialOutput), ThisYear(FigureKind.MainBusinessRevenue),
            jobs is { } j ? (int)Math.Min(j, int.MaxValue) : null, year);
    }
}
