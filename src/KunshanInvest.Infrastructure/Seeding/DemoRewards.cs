using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Demo 首报奖励: verified 到位资金 and 实际使用外资 entries on the demo partner's accepted project (entered by `officer`,
/// verified by `manager`, as maker–checker wants) and one paid payout, so the rewards panels are not empty. Skipped when
/// the project already has verified 到位资金 (a figures seed got there first) or a demo payout exists.
/// </summary>
internal static class DemoRewards
{
    private const string Project = "KS-2025-00006";

    public static async Task LoadAsync(AppDbContext db, IReadOnlyDictionary<string, Guid> users, DateTime now, SeedReport report, CancellationToken cancellationToken)
    {
        if (!users.TryGetValue("officer", out var officer) || !users.TryGetValue("manager", out var manager))
        {
            return;
        }

        var holder = await (
                from a in db.Attributions
                join p in db.Projects on a.ProjectId equals p.Id
                join partner in db.Partners on a.PartnerId equals partner.Id
                where p.Code == Project && partner.IsDemo && a.VoidedAtUtc == null
                select new { ProjectId = p.Id, a.PartnerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return;
        }

        var hasFigures = await db.FigureEntries.AnyAsync(f => f.ProjectId == holder.ProjectId && f.Kind == FigureKind.FundsInPlace && f.Status == FigureStatus.Verified, cancellationToken);
        if (!hasFigures)
        {
            // 到位资金 CNY 30 m and 12.5 m, 实际使用外资 USD 2 m: 0.2 % rewards of CNY 60,000, 25,000 and 2 m × the year's rate.
            (FigureKind Kind, int MonthsAgo, long Value, string Currency, string Note)[] entries =
            [
                (FigureKind.FundsInPlace, 13, 3_000_000_000, "CNY", "演示:首期注资到位(银行进账单)"),
                (FigureKind.FundsInPlace, 8, 1_250_000_000, "CNY", "演示:设备款到位"),
                (FigureKind.ForeignCapitalUsed, 6, 200_000_000, "USD", "演示:外方股东增资"),
            ];
            foreach (var (kind, monthsAgo, value, currency, note) in entries)
            {
                var month = now.AddMonths(-monthsAgo);
                var figure = new FigureEntry(holder.ProjectId, kind, FigurePeriod.OfDate(month), value, currency, value, null, note, officer, month);
                figure.Verify(manager, month.AddDays(5));
                figure.MarkDemo();
                db.FigureEntries.Add(figure);
            }
        }

        report.Count("reward figures (demo)", !hasFigures);
        var hasPayout = await db.RewardPayouts.AnyAsync(p => p.IsDemo, cancellationToken);
        if (!hasPayout)
        {
            var first = FigurePeriod.OfDate(now.AddMonths(-13));
            var payout = new RewardPayout(holder.PartnerId, 6_000_000, first, first, "演示:首期到位资金奖励", manager, now.AddMonths(-10));
            payout.Approve(manager, now.AddMonths(-10).AddDays(2));
            payout.MarkPaid("DEMO-2026-0001", manager, now.AddMonths(-10).AddDays(9));
            payout.MarkDemo();
            db.RewardPayouts.Add(payout);
            (await db.Partners.SingleAsync(p => p.Id == holder.PartnerId, cancellationToken)).RecordPayoutApproved(payout.AmountFen);
        }

        report.Count("reward payouts (demo)", !hasPayout);
        await db.SaveChangesAsync(cancellationToken);
    }
}
