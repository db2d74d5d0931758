using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Reports;
using KunshanInvest.Application.Reports.GetBreakdown;
using KunshanInvest.Application.Reports.GetEventReport;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetPerMuRanking;
using KunshanInvest.Application.Reports.GetRealisedByMonth;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;
using KunshanInvest.Application.Reports.GetStageDurations;
using KunshanInvest.Application.Reports.GetStalledProjects;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Application.Reports.GetTrend;
using KunshanInvest.Application.Reports.TakePipelineSnapshot;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Reports;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>Report handlers on a real SQLite database against figures computed from the known data in memory.</summary>
public sealed class ReportTests
{
    private static readonly Dictionary<string, decimal> Rates2026 = new(StringComparer.Ordinal) { ["USD"] = 7.12m, ["EUR"] = 8.05m };

    internal static async Task<(TestDatabase Database, ReportScenario Scenario)> SeedAsync(TestDatabase? existing = null)
    {
        var database = existing ?? await TestDatabase.CreateAsync();
        database.User = TestUser.As("manager", Roles.Manager);
        var a = await database.AddUserAsync($"a{Guid.NewGuid():N}"[..12]);
        var b = await database.AddUserAsync($"b{Guid.NewGuid():N}"[..12]);
        var checker = await database.AddUserAsync($"c{Guid.NewGuid():N}"[..12]);
        var scenario = ReportScenario.Create(database.Clock.GetUtcNow().UtcDateTime, a, b).AddFigures(checker);
        await using var db = database.NewContext();
        db.AddRange(scenario.Sector, scenario.Park);
        db.AddRange(scenario.Enterprises);
        db.AddRange(scenario.Projects);
        db.AddRange(scenario.Figures);
        if (existing is null)
        {
            db.ExchangeRates.AddRange(new ExchangeRate(2026, "USD", 7_120_000), new ExchangeRate(2026, "EUR", 8_050_000), new ExchangeRate(2025, "USD", 7_180_000));
        }

        await db.SaveChangesAsync();
        return (database, scenario);
    }

    internal static ReportFilter Filter(ReportScenario s, Guid? officer = null) => new()
    {
        SectorId = s.Sector.Id,
        OfficerId = officer,
        From = DateOnly.FromDateTime(s.NowUtc.AddDays(-1000)),
        To = DateOnly.FromDateTime(s.NowUtc.AddHours(8)),
    };

    [Fact]
    public async Task Funnel_counts_each_stage_and_converts_pledges_at_the_years_rates_naming_the_currency_without_one()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var funnel = await new GetPipelineFunnelHandler(db, database.User, database.Clock).Handle(new GetPipelineFunnel(Filter(s)), CancellationToken.None);

        Assert.Equal(s.Projects.Count, funnel.TotalProjects);
        var expectedFen = s.Projects.Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0);
        Assert.Equal(expectedFen, funnel.TotalPledgedFen);
        Assert.Equal(s.Projects.Sum(p => p.PledgedForeignCapitalUsdCents ?? 0), funnel.TotalForeignCapitalUsdCents);
        var chf = Assert.Single(funnel.Unconverted);
        Assert.Equal(("CHF", 1, 3_000_000_00L), (chf.Currency, chf.Projects, chf.MinorUnits));
        foreach (var stage in ProjectStages.Pipeline)
        {
            var row = funnel.Stages.Single(x => x.Stage == stage);
            Assert.Equal(s.Projects.Count(p => p.Stage == stage), row.Projects);
            Assert.Equal(s.Projects.Count(p => Reached(p, stage)), row.Reached);
        }

        // 8 projects reached 线索; 6 reached 接洽 or beyond (all but the lead and the one that jumped to 签约 … which did reach it)
        var contacted = funnel.Stages.Single(x => x.Stage == ProjectStage.Contacted);
        Assert.Equal((double)s.Projects.Count(p => Reached(p, ProjectStage.Contacted)) / s.Projects.Count, contacted.ConversionFromPrevious!.Value, 9);

        static bool Reached(InvestmentProject p, ProjectStage stage) =>
            p.Stage.IsPipeline() ? p.Stage >= stage : p.StageBeforeSideState is { } before && before >= stage;
    }

    [Fact]
    public async Task Stage_durations_give_the_nearest_rank_median_and_90th_percentile_of_the_completed_stays()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var report = await new GetStageDurationsHandler(new ReportSql(db, SqlDialect.Sqlite), database.User, database.Clock).Handle(new GetStageDurations(Filter(s)), CancellationToken.None);

        var expected = s.Stays().GroupBy(x => x.Stage).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => g.Key), report.Stages.Select(r => r.Stage));
        foreach (var group in expected)
        {
            var row = report.Stages.Single(r => r.Stage == group.Key);
            var days = group.Select(x => x.Days).ToList();
            Assert.Equal(days.Count, row.Stays);
            Assert.Equal(ReportScenario.Percentile(days, 50), row.MedianDays, 3);
            Assert.Equal(ReportScenario.Percentile(days, 90), row.P90Days, 3);
            Assert.Equal(days.Average(), row.MeanDays, 3);
        }

        // 线索 stays of 5, 20, 20, 49.84, 50, 50 and 100 days (sorted; the lead still in 线索 has none): the median is the
        // ⌈3.5⌉ = 4th, the 90th percentile the ⌈6.3⌉ = 7th.
        var lead = report.Stages.Single(r => r.Stage == ProjectStage.Lead);
        Assert.Equal(7, lead.Stays);
        Assert.Equal(49.84, lead.MedianDays, 3);
        Assert.Equal(100, lead.P90Days, 3);
    }

    [Fact]
    public async Task Targets_cascade_and_each_gets_the_actual_of_its_own_scope()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using (var write = database.NewContext())
        {
            write.Targets.AddRange(
                new Target(2026, TargetMetric.SignedProjects, 10, sectorId: s.Sector.Id),
                new Target(2026, TargetMetric.SignedInvestment, 100_000_000_00, sectorId: s.Sector.Id, officerId: s.OwnerA),
                new Target(2026, TargetMetric.Jobs, 1_000, sectorId: s.Sector.Id, officerId: s.OwnerB),
                new Target(2025, TargetMetric.SignedProjects, 99, sectorId: s.Sector.Id));
            await write.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var report = await new GetTargetProgressHandler(db, new UserDirectory(db, database.Clock), database.User, database.Clock)
            .Handle(new GetTargetProgress(Filter(s)), CancellationToken.None);

        var signed = s.SignedInYear(2026).ToList();
        Assert.Equal(2026, report.Year);
        Assert.Equal(181.0 / 365, report.ElapsedShare, 9);
        var projects = report.Metrics.Single(m => m.Metric == TargetMetric.SignedProjects);
        Assert.Equal((signed.Count, 10L), (projects.Actual, projects.Target!.Value));
        Assert.Equal(signed.Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0), report.Metrics.Single(m => m.Metric == TargetMetric.SignedInvestment).Actual);
        Assert.Equal(s.VerifiedIn(FigureKind.ForeignCapitalUsed, 2026), report.Metrics.Single(m => m.Metric == TargetMetric.ForeignCapital).Actual);
        Assert.Equal(signed.Count(p => p.IsMajor), report.Metrics.Single(m => m.Metric == TargetMetric.MajorProjects).Actual);
        Assert.Equal(s.VerifiedIn(FigureKind.FundsInPlace, 2026), report.Metrics.Single(m => m.Metric == TargetMetric.FundsInPlace).Actual);
        Assert.Equal(3, report.Targets.Count);

        var officerA = report.Targets.Single(t => t.OfficerId == s.OwnerA);
        Assert.Equal(signed.Where(p => p.OwnerId == s.OwnerA).Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0), officerA.Actual);
        var officerB = report.Targets.Single(t => t.OfficerId == s.OwnerB);
        Assert.Equal(signed.Where(p => p.OwnerId == s.OwnerB).Sum(p => p.PledgedJobs ?? 0), officerB.Actual);
        Assert.True(officerB.Behind);
        Assert.Equal(["CHF"], report.Unconverted.Select(u => u.Currency));
    }

    [Theory]
    [InlineData(2026, "2025-12-31", 0.0)]
    [InlineData(2026, "2026-01-01", 1.0 / 365)]
    [InlineData(2028, "2028-12-31", 1.0)]
    [InlineData(2025, "2026-03-01", 1.0)]
    public void The_share_of_the_year_elapsed_counts_today_and_stays_between_0_and_1(int year, string today, double expected) =>
        Assert.Equal(expected, GetTargetProgressHandler.ElapsedShare(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), 9);

    [Fact]
    public async Task An_officer_gets_its_own_figures_whatever_officer_it_asks_for()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        var officer = new TestUser { Id = s.OwnerB, UserName = "b" };
        officer.Roles.Add(Roles.Officer);
        await using var db = database.NewContext();

        var funnel = await new GetPipelineFunnelHandler(db, officer, database.Clock).Handle(new GetPipelineFunnel(Filter(s, officer: s.OwnerA)), CancellationToken.None);

        Assert.Equal(s.Projects.Count(p => p.OwnerId == s.OwnerB), funnel.TotalProjects);
    }

    [Fact]
    public async Task Stalled_report_lists_the_six_not_yet_projects_with_days_overdue_owner_and_blocking_issues()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var options = new StalledOptions();

        var report = await new GetStalledProjectsHandler(db, new UserDirectory(db, database.Clock), Options.Create(options), database.User, database.Clock)
            .Handle(new GetStalledProjects(Filter(s)), CancellationToken.None);

        var limits = options.ToLimits();
        var expected = s.Projects.Where(p => limits.IsStalled(p.Stage, p.StageEnteredAtUtc, s.NowUtc)).ToList();
        Assert.Equal(expected.Count, report.Total);
        Assert.Equal(expected.Select(p => p.Code).Order(), report.Items.Select(i => i.Code).Order());
        var construction = report.Items.Single(i => i.Stage == ProjectStage.UnderConstruction);
        Assert.Equal((400, 365, 35, "环评批复未下达"), (construction.DaysInStage, construction.LimitDays, construction.DaysOverdue, construction.BlockingIssues));
        Assert.Equal(StalledKind.StartedNotOperating, construction.Kind);
        Assert.NotNull(construction.OwnerName);
    }

    [Fact]
    public async Task Pledged_vs_realised_totals_the_signed_projects_pledges_beside_cumulative_verified_figures()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var report = await new GetPledgedVsRealisedHandler(db, new UserDirectory(db, database.Clock), database.User, database.Clock)
            .Handle(new GetPledgedVsRealised(Filter(s), PledgeGrouping.Officer), CancellationToken.None);

        var signed = s.Projects.Where(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity).ToList();
        Assert.Equal(signed.Count, report.Projects);
        Assert.Equal(signed.Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0), report.Total.PledgedFen);
        Assert.Equal(signed.Sum(p => p.PledgedForeignCapitalUsdCents ?? 0), report.Total.PledgedForeignUsdCents);

        // Cumulative to the end of 2026: last year's verified December counts too; pending, rejected, superseded never.
        Assert.Equal(s.VerifiedIn(FigureKind.FundsInPlace, 2026) + s.VerifiedIn(FigureKind.FundsInPlace, 2025), report.Total.FundsInPlaceFen);
        Assert.Equal(1_000_000_00 + 2_500_000_00 + 4_000_000_00 + 7_000_000_00L, report.Total.FundsInPlaceFen);
        Assert.Equal(s.VerifiedIn(FigureKind.ForeignCapitalUsed, 2026), report.Total.ForeignCapitalUsdCents);
        Assert.Equal(s.VerifiedIn(FigureKind.TaxPaid, 2026) + s.VerifiedIn(FigureKind.TaxPaid, 2025), report.Total.TaxFen);

        // Per officer, year by year: at the end of 2025 officer A had last year's December funds only.
        var a = report.Groups.Single(g => g.Key == s.OwnerA.ToString());
        var a2025 = a.Years.Single(y => y.Year == 2025);
        Assert.Equal(7_000_000_00L, a2025.FundsInPlaceFen);
        Assert.Equal(signed.Where(p => p.OwnerId == s.OwnerA && ReportScenario.KunshanYear(ReportScenario.SignedAt(p)!.Value) <= 2025).Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0), a2025.PledgedFen);
        var b = report.Groups.Single(g => g.Key == s.OwnerB.ToString());
        Assert.Equal(1_000_000_00L, b.Years[^1].ForeignCapitalUsdCents);
    }

    [Fact]
    public async Task Breakdowns_by_source_country_and_officer_add_up_to_the_sector()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var handler = new GetBreakdownHandler(db, new UserDirectory(db, database.Clock), database.User, database.Clock);

        foreach (var dimension in Enum.GetValues<BreakdownDimension>())
        {
            var report = await handler.Handle(new GetBreakdown(Filter(s), dimension), CancellationToken.None);
            Assert.Equal(s.Projects.Count, report.Rows.Sum(r => r.Projects));
            Assert.Equal(s.Projects.Count(p => p.IsActive), report.Rows.Sum(r => r.LiveProjects));
            Assert.Equal(s.Projects.Count(p => ReportScenario.SignedAt(p) is not null), report.Rows.Sum(r => r.SignedInPeriod));
        }

        var countries = await handler.Handle(new GetBreakdown(Filter(s), BreakdownDimension.Country), CancellationToken.None);
        var us = countries.Rows.Single(r => r.Key == "US");
        Assert.Equal((1, 1_000_000_000L * 712 / 100), (us.SignedInPeriod, us.SignedPledgedFen));
    }

    [Fact]
    public async Task Every_report_sends_a_fixed_number_of_statements_whatever_the_data()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        var small = await CountAllAsync(database, s);
        for (var i = 0; i < 3; i++)
        {
            await SeedAsync(database);
        }

        var large = await CountAllAsync(database, s);

        Assert.Equal(small, large);
        Assert.Equal(new Dictionary<string, int>
        {
            ["funnel"] = 2, ["durations"] = 1, ["targets"] = 7, ["pledged"] = 4, ["stalled"] = 4, ["by-officer"] = 4, ["events"] = 3, ["trend"] = 3,
            ["realised-by-month"] = 2, ["foreign-by-sector"] = 2, ["foreign-by-country"] = 1, ["per-mu"] = 1, ["pledged-by-project"] = 4,
        }, small);
    }

    private static async Task<Dictionary<string, int>> CountAllAsync(TestDatabase database, ReportScenario s)
    {
        var counts = new Dictionary<string, int>();
        async Task Count(string name, Func<AppDbContext, Task> run)
        {
            var counter = new StatementCounter();
            await using var db = database.NewContext(counter);
            await run(db);
            counts[name] = counter.Queries.Count;
        }

        var user = database.User;
        var clock = database.Clock;
        var filter = Filter(s) with { SectorId = null };
        await Count("funnel", db => new GetPipelineFunnelHandler(db, user, clock).Handle(new GetPipelineFunnel(filter), default).AsTask());
        await Count("durations", db => new GetStageDurationsHandler(new ReportSql(db, SqlDialect.Sqlite), user, clock).Handle(new GetStageDurations(filter), default).AsTask());
        await Count("targets", db => new GetTargetProgressHandler(db, new UserDirectory(db, clock), user, clock).Handle(new GetTargetProgress(filter), default).AsTask());
        await Count("pledged", db => new GetPledgedVsRealisedHandler(db, new UserDirectory(db, clock), user, clock).Handle(new GetPledgedVsRealised(filter), default).AsTask());
        await Count("pledged-by-project", db => new GetPledgedVsRealisedHandler(db, new UserDirectory(db, clock), user, clock).Handle(new GetPledgedVsRealised(filter, PledgeGrouping.Project), default).AsTask());
        await Count("realised-by-month", db => new GetRealisedByMonthHandler(db, user, clock).Handle(new GetRealisedByMonth(filter), default).AsTask());
        await Count("foreign-by-sector", db => new GetForeignCapitalBreakdownHandler(db, user, clock).Handle(new GetForeignCapitalBreakdown(filter, ForeignCapitalDimension.Sector), default).AsTask());
        await Count("foreign-by-country", db => new GetForeignCapitalBreakdownHandler(db, user, clock).Handle(new GetForeignCapitalBreakdown(filter, ForeignCapitalDimension.Country), default).AsTask());
        await Count("per-mu", db => new GetPerMuRankingHandler(new ReportSql(db, SqlDialect.Sqlite), Options.Create(new PerMuOptions()), user, clock).Handle(new GetPerMuRanking(filter), default).AsTask());
        await Count("stalled", db => new GetStalledProjectsHandler(db, new UserDirectory(db, clock), Options.Create(new StalledOptions()), user, clock).Handle(new GetStalledProjects(filter), default).AsTask());
        await Count("by-officer", db => new GetBreakdownHandler(db, new UserDirectory(db, clock), user, clock).Handle(new GetBreakdown(filter, BreakdownDimension.Officer), default).AsTask());
        await Count("events", db => new GetEventReportHandler(db, user, clock).Handle(new GetEventReport(filter), default).AsTask());
        await Count("trend", db => new GetTrendHandler(db, user, clock).Handle(new GetTrend(filter), default).AsTask());
        return counts;
    }

    [Fact]
    public async Task A_snapshot_taken_twice_the_same_day_is_kept_once_and_feeds_the_trend()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        await using (var db = database.NewContext())
        {
            var handler = new TakePipelineSnapshotHandler(new ReportSql(db, SqlDialect.Sqlite), db, database.User, database.Clock);
            await handler.Handle(new TakePipelineSnapshot(), CancellationToken.None);
            var second = await handler.Handle(new TakePipelineSnapshot(), CancellationToken.None);
            Assert.Equal(new DateOnly(2026, 6, 30), second.Day);
        }

        await using var read = database.NewContext();
        var rows = await read.PipelineSnapshots.Where(x => x.SectorId == s.Sector.Id).ToListAsync();
        Assert.Equal(s.Projects.Count, rows.Sum(r => r.Projects));
        Assert.Single(rows.Select(r => r.Day).Distinct());
        Assert.Equal(2, await read.AuditEntries.CountAsync(a => a.EntityType == "PipelineSnapshot" && a.EntityId == "2026-06-30" && a.ActorName == "manager"));

        var trend = await new GetTrendHandler(read, database.User, database.Clock).Handle(new GetTrend(Filter(s)), CancellationToken.None);
        var point = Assert.Single(trend.Points);
        var live = s.Projects.Where(p => p.Stage != ProjectStage.Lost).ToList();
        Assert.Equal(("2026-06", live.Count), (point.Month, point.Projects));
        Assert.Equal(live.Count(p => p.Stage is >= ProjectStage.Signed and <= ProjectStage.AtCapacity), point.SignedProjects);
        Assert.Equal(live.Sum(p => ReportScenario.Fen(p.PledgedInvestment, Rates2026) ?? 0), point.PledgedFen);
    }

    [Fact]
    public async Task A_backfilled_snapshot_rebuilds_the_pipeline_of_a_past_day_from_the_stage_history()
    {
        var (database, s) = await SeedAsync();
        await using var _ = database;
        var end = s.NowUtc.AddDays(-95);
        await using (var db = database.NewContext())
        {
            await new ReportSql(db, SqlDialect.Sqlite).BackfillSnapshotAsync(new DateOnly(2026, 3, 27), end, s.NowUtc, CancellationToken.None);
        }

        await using var read = database.NewContext();
        var rows = await read.PipelineSnapshots.Where(x => x.SectorId == s.Sector.Id).ToListAsync();
        var expected = s.Projects
            .Select(p => p.StageChanges.Where(c => c.AtUtc < end).OrderBy(c => c.AtUtc).LastOrDefault())
            .Where(c => c is not null)
            .GroupBy(c => c!.To)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), rows.GroupBy(r => r.Stage).Select(g => new KeyValuePair<ProjectStage, int>(g.Key, g.Sum(r => r.Projects))).OrderBy(e => e.Key));
    }
}
