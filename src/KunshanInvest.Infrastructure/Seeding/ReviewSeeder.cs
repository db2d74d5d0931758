using KunshanInvest.Application.Reviews;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Demo 项目评审 (ADR 0032) on the demo projects in 洽谈: a pending round (KS-2026-00002), a passed one (KS-2026-00005), and
/// one that failed on investment intensity, was revised and passed (KS-2026-00009). Checked against the default thresholds.
/// Skipped when any demo review exists, or for a project no longer in 洽谈.
/// </summary>
internal static class ReviewSeeder
{
    public static async Task LoadAsync(AppDbContext db, IReadOnlyDictionary<string, Guid> users, DateTime now, SeedReport report, CancellationToken cancellationToken)
    {
        if (!users.TryGetValue("officer", out var officer) || !users.TryGetValue("manager", out var manager)
            || await db.ProjectReviews.AnyAsync(r => r.IsDemo, cancellationToken))
        {
            report.Count("project reviews (demo)", false);
            return;
        }

        string[] codes = ["KS-2026-00002", "KS-2026-00005", "KS-2026-00009"];
        var projects = await db.Projects.Where(p => codes.Contains(p.Code) && p.Stage == ProjectStage.Negotiating).ToDictionaryAsync(p => p.Code, cancellationToken);
        var options = new ProjectReviewOptions();
        var year = now.Year;
        var thresholds = options.For(CarrierUse.Industrial, year);
        var meeting = DateOnly.FromDateTime(now).AddDays(-14);
        var added = 0;

        ReviewSheet Sheet(double mu, long investmentWan, long taxWan, DateOnly? on) =>
            new(CarrierUse.Industrial, mu, investmentWan * 1_000_000, taxWan * 1_000_000, 2_400, EnvironmentalCategory.ReportForm, 260, on);

        ProjectReview Round(InvestmentProject project, ProjectReview? latest, ReviewSheet sheet, DateTime at, Guid by)
        {
            var round = ProjectReview.Submit(project, latest, sheet, year, thresholds, by, at);
            round.MarkDemo();
            db.ProjectReviews.Add(round);
            added++;
            return round;
        }

        if (projects.TryGetValue("KS-2026-00002", out var pending))
        {
            var round = Round(pending, null, Sheet(40, 24_000, 2_200, null), now.AddDays(-3), pending.OwnerId);
            round.RecordOpinion(manager, ReviewOpinionKind.ApproveWithConditions, "演示:进口分拨须落实海关监管仓库。", null, ReviewScores.None with { PolicyFit = 80 }, now.AddDays(-2));
        }

        if (projects.TryGetValue("KS-2026-00005", out var passed))
        {
            var round = Round(passed, null, Sheet(60, 36_000, 3_600, meeting), now.AddDays(-30), passed.OwnerId);
            round.RecordOpinion(manager, ReviewOpinionKind.Approve, null, null, ReviewScores.None with { Intensity = 90, Tax = 85 }, now.AddDays(-15));
            round.Decide(ReviewOutcome.Passed, "演示:准入指标均达标。", manager, now.AddDays(-14));
        }

        if (projects.TryGetValue("KS-2026-00009", out var revised))
        {
            var first = Round(revised, null, Sheet(50, 20_000, 2_600, meeting.AddDays(-21)), now.AddDays(-50), officer);
            first.RecordOpinion(manager, ReviewOpinionKind.Reject, "演示:投资强度 400 万元/亩,低于 500 万元/亩。", null, ReviewScores.None with { Intensity = 40 }, now.AddDays(-36));
            first.Decide(ReviewOutcome.Failed, "演示:投资强度未达准入门槛,请压缩用地或追加投资后重新提交。", manager, now.AddDays(-35));
            var second = Round(revised, first, Sheet(40, 22_000, 2_400, meeting), now.AddDays(-25), officer);
            second.RecordOpinion(manager, ReviewOpinionKind.ApproveWithConditions, "演示:用地压缩至 40 亩后达标。", null, ReviewScores.None, now.AddDays(-15));
            second.Decide(ReviewOutcome.PassedWithConditions, "演示:两年内亩均税收达到 60 万元。", manager, now.AddDays(-14));
        }

        await db.SaveChangesAsync(cancellationToken);
        report.Count("project reviews (demo)", added > 0);
    }
}
