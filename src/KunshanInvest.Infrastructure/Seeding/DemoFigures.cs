using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Demo realised figures, so the figures panel, the targets and the project's realised numbers are not empty: for each
/// signed demo project without any entry yet, verified monthly entries from 2023 (projects in production) or mid-2025
/// (the others) to the current month — 到位资金 in quarterly tranches with its foreign part, 实际使用外资 for
/// foreign-invested projects, and for projects in production the month's tax, 主营业务收入, output and headcount.
/// Entered by the project's officer and verified by the demo manager (maker–checker, as typed-in figures are).
/// Deterministic: the same project gets the same figures on every machine. One save for all.
/// </summary>
internal sealed class DemoFigures(AppDbContext db, TimeProvider clock)
{
    private const int ProductionFrom = 202301;
    private const int PipelineFrom = 202507;

    public async Task LoadAsync(IReadOnlyDictionary<string, Guid> users, SeedReport report, CancellationToken cancellationToken)
    {
        var withFigures = db.FigureEntries.Select(f => f.ProjectId);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.IsDemo && p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity && !withFigures.Contains(p.Id))
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = FigurePeriod.OfDate(now);
        var manager = users["manager"];
        foreach (var project in projects)
        {
            var maker = project.OwnerId == manager ? users["officer"] : project.OwnerId;
            var producing = project.Stage >= ProjectStage.Operating;
            var months = Months(producing ? ProductionFrom : PipelineFrom, thisMonth).ToList();
            var wiggle = new Random(project.Code.Aggregate(17, (h, c) => unchecked((h * 31) + c)));

            void Add(FigureKind kind, int period, long amount, string? currency, long? foreignPartFen = null)
            {
                if (amount <= 0)
                {
                    return;
                }

                var entered = Earlier(now, FirstOf(period).AddMonths(1).AddDays(4));
                var entry = new FigureEntry(project.Id, kind, period, amount, currency, amount, foreignPartFen, "演示数据", maker, entered);
                entry.Verify(manager, Earlier(now, entered.AddDays(3)));
                entry.MarkDemo();
                db.FigureEntries.Add(entry);
                report.Count("figure entries (demo)", added: true);
            }

            // 到位资金: four fifths of the pledge (CNY fen; foreign pledges at a round 7 CNY per unit) in quarterly tranches.
            var pledgeFen = project.PledgedInvestment is { } pledge ? (pledge.Currency == "CNY" ? pledge.MinorUnits : pledge.MinorUnits * 7) : 0;
            var foreign = project.PledgedForeignCapitalUsdCents is > 0 || project.PledgedInvestment?.Currency is not (null or "CNY");
            var quarters = months.Where(m => FigurePeriod.Month(m) % 3 == 0 || m == thisMonth).ToList();
            foreach (var period in quarters)
            {
                var tranche = pledgeFen * 8 / 10 / Math.Max(1, quarters.Count);
                Add(FigureKind.FundsInPlace, period, tranche, "CNY", foreign ? tranche * 7 / 10 : null);
                if (project.PledgedForeignCapitalUsdCents is > 0 and var usd)
                {
                    Add(FigureKind.ForeignCapitalUsed, period, usd * 8 / 10 / Math.Max(1, quarters.Count), "USD");
                }
            }

            if (!producing)
            {
                continue;
            }

            var tax = project.PledgedAnnualTaxFen ?? pledgeFen / 50;
            var output = project.PledgedAnnualOutputFen ?? pledgeFen;
            foreach (var period in months)
            {
                // Production ramps up: half the pledged rate in 2023, the full rate from 2026.
                var ramp = Math.Min(1.0, 0.5 + ((FigurePeriod.Year(period) - 2023) * 0.17));
                var factor = ramp * (0.85 + (wiggle.NextDouble() * 0.3));
                Add(FigureKind.TaxPaid, period, (long)(tax / 12 * factor), "CNY");
                Add(FigureKind.IndustrialOutput, period, (long)(output / 12 * factor), "CNY");
                Add(FigureKind.MainBusinessRevenue, period, (long)(output / 12 * factor * 1.04), "CNY");
                if (FigurePeriod.Month(period) % 3 == 0 || period == thisMonth)
                {
                    Add(FigureKind.Jobs, period, (long)((project.PledgedJobs ?? 100) * ramp), null);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<int> Months(int from, int to)
    {
        for (var period = from; period <= to; period = FigurePeriod.Month(period) == 12 ? FigurePeriod.Of(FigurePeriod.Year(period) + 1, 1) : period + 1)
        {
            yield return period;
        }
    }

    private static DateTime FirstOf(int period) => new(FigurePeriod.Year(period), FigurePeriod.Month(period), 1, 1, 0, 0, DateTimeKind.Utc);

    private static DateTime Earlier(DateTime a, DateTime b) => a <= b ? a : b;
}
