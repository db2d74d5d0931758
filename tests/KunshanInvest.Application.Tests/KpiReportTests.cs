using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Reports;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetPerMuRanking;
using KunshanInvest.Application.Reports.GetRealisedByMonth;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Reports;
using KunshanInvest.Testing;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>KPIs by period on SQLite: only verified entries count, in their own year and month, against 序时进度.</summary>
public sealed class KpiReportTests
{
    /// <summary>What the 供地 gate reads when the tests move a project there (the milestone rows, if any, are added apart).</summary>
    private static readonly StageFacts LandFacts = new([new MilestoneFact(MilestoneKind.LandSupplied, new DateOnly(2020, 1, 1), 1, null, null)], null, null, null);

    [Fact]
    public async Task Realised_targets_count_only_the_verified_entries_of_the_target_year()
    {
        var (database, s) = await ReportTests.SeedAsync();
        await using var _ = database;
        await using (var write = database.NewContext())
        {
            write.Targets.AddRange(
                new Target(2026, TargetMetric.FundsInPlace, 10_000_000_00, sectorId: s.Sector.Id),
                new Target(2026, TargetMetric.ForeignCapital, 1_000_000_00, sectorId: s.Sector.Id),
                new Target(2026, TargetMetric.RealisedJobs, 1_000, sectorId: s.Sector.Id, officerId: s.OwnerA));
            await write.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var report = await Targets(db, database, ReportTests.Filter(s));

        long Actual(TargetMetric m) => report.Metrics.Single(x => x.Metric == m).Actual;

        // 到位资金: Jan 1,000,000 + the March correction 2,500,000 (not the superseded 2,000,000) + Feb 4,000,000; the
        // pending February entry and last December's are left out.
        Assert.Equal(7_500_000_00L, Actual(TargetMetric.FundsInPlace));
        Assert.Equal(s.VerifiedIn(FigureKind.FundsInPlace, 2026), Actual(TargetMetric.FundsInPlace));
        // 实际使用外资 in US cents: the verified entries, not the pledges, and not the rejected one.
        Assert.Equal(1_500_000_00L, Actual(TargetMetric.ForeignCapital));
        Assert.Equal(400_000_00L, Actual(TargetMetric.RealisedTax));
        Assert.Equal(8_000_000_00L, Actual(TargetMetric.IndustrialOutput));
        Assert.Equal(600_000_00L, Actual(TargetMetric.FixedAssetInvestment));
        // Headcount: each project's latest month (45 and 100), not the sum of the months (30 + 45 + 100).
        Assert.Equal(145L, Actual(TargetMetric.RealisedJobs));
        Assert.Equal(s.LatestHeadcounts(2026), Actual(TargetMetric.RealisedJobs));

        var funds = report.Metrics.Single(x => x.Metric == TargetMetric.FundsInPlace);
        Assert.Equal(0.75, funds.Progress!.Value, 9);
        Assert.False(funds.Behind);
        var foreign = report.Metrics.Single(x => x.Metric == TargetMetric.ForeignCapital);
        Assert.Equal(1.5, foreign.Progress!.Value, 9);
        Assert.Null(report.Metrics.Single(x => x.Metric == TargetMetric.RealisedTax).Behind);

        // The cascade: officer A's headcount target sees A's projects only (both are A's: 145, behind at 14.5 % of 49.6 %).
        var jobs = report.Targets.Single(t => t.Metric == TargetMetric.RealisedJobs);
        Assert.Equal(145L, jobs.Actual);
        Assert.True(jobs.Behind);
    }

    [Fact]
    public async Task As_of_january_counts_januarys_entries_and_a_month_of_the_year_elapsed()
    {
        var (database, s) = await ReportTests.SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var report = await Targets(db, database, ReportTests.Filter(s), new DateOnly(2026, 1, 31));

        Assert.Equal(31.0 / 365, report.ElapsedShare, 9);
        Assert.Equal(1_000_000_00L, report.Metrics.Single(x => x.Metric == TargetMetric.FundsInPlace).Actual);
        Assert.Equal(30L, report.Metrics.Single(x => x.Metric == TargetMetric.RealisedJobs).Actual);
    }

    [Fact]
    public async Task Realised_by_month_cumulates_the_verified_months_against_the_target_spread_evenly()
    {
        var (database, s) = await ReportTests.SeedAsync();
        await using var _ = database;
        await using (var write = database.NewContext())
        {
            write.Targets.Add(new Target(2026, TargetMetric.FundsInPlace, 12_000_000_00, sectorId: s.Sector.Id));
            await write.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var report = await new GetRealisedByMonthHandler(db, database.User, database.Clock).Handle(new GetRealisedByMonth(ReportTests.Filter(s)), default);

        Assert.Equal((2026, 6), (report.Year, report.LastMonth));
        Assert.Equal([1_000_000_00L, 4_000_000_00L, 2_500_000_00L, 0, 0, 0], report.Months.Take(6).Select(m => m.FundsFen));
        Assert.Equal(7_500_000_00L, report.Months[5].CumulativeFundsFen);
        Assert.Equal(1_500_000_00L, report.Months[0].CumulativeForeignUsdCents);
        Assert.Equal(3_000_000_00L, report.Months[2].FundsTargetToDateFen);
        Assert.Null(report.ForeignTargetUsdCents);
        Assert.Null(report.Months[0].ForeignTargetToDateUsdCents);
    }

    [Fact]
    public async Task Foreign_capital_is_split_by_sector_and_by_the_enterprises_country()
    {
        var (database, s) = await ReportTests.SeedAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var handler = new GetForeignCapitalBreakdownHandler(db, database.User, database.Clock);

        var bySector = await handler.Handle(new GetForeignCapitalBreakdown(ReportTests.Filter(s), ForeignCapitalDimension.Sector), default);
        var byCountry = await handler.Handle(new GetForeignCapitalBreakdown(ReportTests.Filter(s), ForeignCapitalDimension.Country), default);

        var sector = Assert.Single(bySector.Rows);
        Assert.Equal((s.Sector.Id.ToString(), 2, 1_500_000_00L), (sector.Key, sector.Projects, sector.UsdCents));
        Assert.Equal([("US", 1_000_000_00L), ("DE", 500_000_00L)], byCountry.Rows.Select(r => (r.Key, r.UsdCents)));
        Assert.Equal(1_500_000_00L, byCountry.TotalUsdCents);
    }

    [Fact]
    public async Task An_officer_sees_only_its_own_projects_figures()
    {
        var (database, s) = await ReportTests.SeedAsync();
        await using var _ = database;
        var officerB = TestUser.As("officer-b", Roles.Officer);
        officerB.Id = s.OwnerB;
        database.User = officerB;
        await using var db = database.NewContext();

        var report = await Targets(db, database, ReportTests.Filter(s, officer: s.OwnerA));

        Assert.Equal(1_000_000_00L, report.Metrics.Single(x => x.Metric == TargetMetric.ForeignCapital).Actual);
        Assert.Equal(0L, report.Metrics.Single(x => x.Metric == TargetMetric.FundsInPlace).Actual);
    }

    [Fact]
    public async Task Per_mu_ranks_the_rated_enterprises_by_tax_per_mu_and_classes_them_leaving_the_young_and_landless_unrated()
    {
        await using var database = await TestDatabase.CreateAsync();
        database.User = TestUser.As("manager", Roles.Manager);
        var officer = await database.AddUserAsync("pm-officer");
        var checker = await database.AddUserAsync("pm-checker");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var sector = new Domain.Sectors.Sector($"pm-{suffix}", $"亩均{suffix}", $"Per mu {suffix}");
        var park = new Domain.Parks.Park($"pm-{suffix}", $"亩均载体{suffix}", $"Per-mu park {suffix}", null);
        var entities = new List<object> { sector, park };
        Guid AddEnterprise(string name, double? landMu, double? pledgedMu, DateOnly? producing, long taxFen2025, long revenueFen2025, long taxFen2024 = 0)
        {
            var enterprise = new Enterprise(name, null, "CN", Ownership.Domestic);
            var project = new InvestmentProject($"PM-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength], name, SourceChannel.WalkIn, officer, now.AddDays(-2000));
            project.Place(enterprise.Id, sector.Id, park.Id);
            // Every project at 供地 carries pledged land; a 供地 milestone's 亩 replaces it.
            project.Pledge(Domain.Common.Money.CnyWan(1_000m), null, null, null, null, pledgedMu ?? 999);
            project.RegisterProjectCompany(ReportScenario.NewCreditCode());
            foreach (var stage in new[] { ProjectStage.Contacted, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Registered, ProjectStage.LandSecured })
            {
                project.MoveTo(stage, new StageActor(officer, IsManager: true), null, now.AddDays(-1500 + (int)stage), LandFacts);
            }

            entities.Add(enterprise);
            entities.Add(project);
            if (landMu is { } mu)
            {
                var land = new ProjectMilestone(project.Id, MilestoneKind.LandSupplied, officer, now);
                land.Reach(new DateOnly(2021, 5, 1), officer, now);
                land.Describe(null, mu, "KS-2021-01", null, null);
                entities.Add(land);
            }

            if (producing is { } on)
            {
                var production = new ProjectMilestone(project.Id, MilestoneKind.ProductionStarted, officer, now);
                production.Reach(on, officer, now);
                entities.Add(production);
            }

            foreach (var (kind, period, value) in new[] { (FigureKind.TaxPaid, 202506, taxFen2025), (FigureKind.MainBusinessRevenue, 202512, revenueFen2025), (FigureKind.TaxPaid, 202412, taxFen2024) })
            {
                if (value > 0)
                {
                    var entry = new FigureEntry(project.Id, kind, period, value, "CNY", value, null, null, officer, now);
                    entry.Verify(checker, now);
                    entities.Add(entry);
                }
            }

            // A pending entry never counts.
            entities.Add(new FigureEntry(project.Id, FigureKind.TaxPaid, 202507, 999_000_000_00, "CNY", 999_000_000_00, null, null, officer, now));
            return enterprise.Id;
        }

        var old = new DateOnly(2020, 3, 1);
        // Tax per 亩 in 2025 (万元/亩): 10, 8, 6 (pledged land: no milestone), 4, 2; the young one would lead with 50.
        var first = AddEnterprise("甲", 100, null, old, 10_000_000_00, 50_000_000_00, taxFen2024: 99_000_000_00);
        var second = AddEnterprise("乙", 50, null, old, 4_000_000_00, 10_000_000_00);
        var third = AddEnterprise("丙", null, 20, old, 1_200_000_00, 0);
        var fourth = AddEnterprise("丁", 25, null, old, 1_000_000_00, 0);
        var fifth = AddEnterprise("戊", 10, null, new DateOnly(2023, 12, 31), 200_000_00, 0);
        var young = AddEnterprise("新", 10, null, new DateOnly(2024, 1, 1), 5_000_000_00, 0);
        await using (var write = database.NewContext())
        {
            write.AddRange(entities);
            await write.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var ranking = await new GetPerMuRankingHandler(new ReportSql(db, SqlDialect.Sqlite), Options.Create(new PerMuOptions()), database.User, database.Clock)
            .Handle(new GetPerMuRanking(new ReportFilter(), 2025), default);

        Assert.Equal((2025, 5, 6), (ranking.Year, ranking.Rated, ranking.Listed));
        Assert.Equal([first, second, third, fourth, fifth, young], ranking.Items.Select(i => i.EnterpriseId));
        Assert.Equal([PerMuClass.A, PerMuClass.B, PerMuClass.B, PerMuClass.C, PerMuClass.D, PerMuClass.T], ranking.Items.Select(i => i.Class));
        Assert.Equal([1, 2, 3, 4, 5, (int?)null], ranking.Items.Select(i => i.Rank));
        Assert.Equal(10.0, ranking.Items[0].TaxPerMuWan!.Value, 9);
        Assert.Equal(50.0, ranking.Items[0].RevenuePerMuWan!.Value, 9);
        Assert.Equal(20.0, ranking.Items[2].LandMu, 9);
        Assert.Equal([(PerMuClass.A, 1), (PerMuClass.B, 2), (PerMuClass.C, 1), (PerMuClass.D, 1), (PerMuClass.T, 1)], ranking.Classes.Select(c => (c.Class, c.Enterprises)));

        // Per-year cut-offs: 2025 configured with A as the top 40 % puts the second enterprise in A too.
        var options = new PerMuOptions { Years = { [2025] = new PerMuCutoffs { A = 0.4, B = 0.6, C = 0.95 } } };
        var configured = await new GetPerMuRankingHandler(new ReportSql(db, SqlDialect.Sqlite), Options.Create(options), database.User, database.Clock)
            .Handle(new GetPerMuRanking(new ReportFilter(), 2025, Top: 2), default);
        Assert.Equal([PerMuClass.A, PerMuClass.A], configured.Items.Select(i => i.Class));
    }

    private static Task<TargetProgress> Targets(AppDbContext db, TestDatabase database, ReportFilter filter, DateOnly? asOf = null) =>
        new GetTargetProgressHandler(db, new UserDirectory(db, database.Clock), database.User, database.Clock).Handle(new GetTargetProgress(filter, asOf), default).AsTask();
}
