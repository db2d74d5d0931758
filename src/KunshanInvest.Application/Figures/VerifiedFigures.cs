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
    /// Cumulative 到位资金 and 实际使用外资, <paramref name="year"/>'s tax, output and revenue, and the latest verified
    /// month's headcount: one statement (a scalar subquery each, on the verified-figures index).
    /// </summary>
    public static async Task<RealisedSums> RealisedAsync(IAppDbContext db, Guid projectId, int year, CancellationToken cancellationToken)
    {
        var (first, last) = FigurePeriod.YearRange(year);
        var verified = Of(db);
        var sums = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new
            {
                Funds = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.FundsInPlace).Sum(f => (long?)f.Value),
                Foreign = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.ForeignCapitalUsed).Sum(f => (long?)f.Value),
                Tax = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.TaxPaid && f.Period >= first && f.Period <= last).Sum(f => (long?)f.Value),
                Output = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.IndustrialOutput && f.Period >= first && f.Period <= last).Sum(f => (long?)f.Value),
                Revenue = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.MainBusinessRevenue && f.Period >= first && f.Period <= last).Sum(f => (long?)f.Value),
                Jobs = verified.Where(f => f.ProjectId == p.Id && f.Kind == FigureKind.Jobs)
                    .OrderByDescending(f => f.Period).ThenByDescending(f => f.CheckedAtUtc)
                    .Select(f => (long?)f.Value)
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return new RealisedSums(
            sums?.Funds ?? 0, sums?.Foreign ?? 0, sums?.Tax ?? 0, sums?.Output ?? 0, sums?.Revenue ?? 0,
            sums?.Jobs is { } jobs ? (int)Math.Min(jobs, int.MaxValue) : null, year);
    }
}
