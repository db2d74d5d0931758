using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetPerMuRanking;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Application.Reports.GetRealisedByMonth;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;
using KunshanInvest.Application.Reports.GetStageDurations;
using KunshanInvest.Application.Reports.GetStalledProjects;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Application.Reports.Targets;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The report endpoints over SQLite and over PostgreSQL: figures against sums computed in memory from known data (with
/// the database's own rates), percentiles, the officer scope, roles, bad input and statement counts.
/// </summary>
public abstract class ReportApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    internal const string Reports = "/api/v1/reports";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    internal async Task<(ReportScenario Scenario, HttpClient OfficerB, Dictionary<string, decimal> Rates)> SeedAsync()
    {
        var (a, _) = await fixture.NewUserAsync("Officer");
        var (b, clientB) = await fixture.NewUserAsync("Officer");
        var (checker, _) = await fixture.NewUserAsync("Manager");
        var scenario = ReportScenario.Create(DateTime.UtcNow, a, b).AddFigures(checker);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KunshanInvest.Infrastructure.Persistence.AppDbContext>();
        db.AddRange(scenario.Sector, scenario.Park);
        db.AddRange(scenario.Enterprises);
        db.AddRange(scenario.Projects);
        db.AddRange(scenario.Milestones);
        db.AddRange(scenario.Figures);
        await db.SaveChangesAsync();

        // The rates the app holds for this Kunshan year (the demo seed sets USD and EUR; nobody sets CHF).
        var year = StaffWork.KunshanToday.Year;
        var rates = await db.ExchangeRates.Where(r => r.Year == year).ToDictionaryAsync(r => r.Currency.Trim(), r => (decimal)r.CnyPerUnitMicros / ExchangeRate.Scale);
        Assert.True(rates.ContainsKey("USD") && rates.ContainsKey("EUR") && !rates.ContainsKey("CHF"), "demo rates for the year");
        return (scenario, clientB, rates);
    }

    internal static string Query(ReportScenario s, Guid? officer = null) =>
        $"?sectorId={s.Sector.Id}&from={StaffWork.KunshanToday.AddDays(-1000):yyyy-MM-dd}&to={StaffWork.KunshanToday:yyyy-MM-dd}" + (officer is { } o ? $"&officerId={o}" : "");

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    [Fact]
    public async Task Funnel_pledged_vs_realised_and_targets_equal_the_sums_of_the_known_projects()
    {
        var (s, _, rates) = await SeedAsync();
        using var manager = await fixture.ClientAsync("manager");
        using var admin = await fixture.ClientAsync("admin");
        var year = StaffWork.KunshanToday.Year;
        var created = await admin.PostAsJsonAsync("/api/v1/admin/targets", new { year, metric = "SignedInvestment", value = 100_000_000_00L, sectorId = s.Sector.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var funnel = await ReadAsync<PipelineFunnel>(await manager.GetAsync($"{Reports}/funnel{Query(s)}"));
        var pledged = await ReadAsync<PledgedVsRealised>(await manager.GetAsync($"{Reports}/pledged-vs-realised{Query(s)}"));
        var targets = await ReadAsync<TargetProgress>(await manager.GetAsync($"{Reports}/targets{Query(s)}"));

        Assert.Equal(s.Projects.Count, funnel.TotalProjects);
        Assert.Equal(s.Projects.Sum(p => ReportScenario.Fen(p.PledgedInvestment, rates) ?? 0), funnel.TotalPledgedFen);
        Assert.Equal(s.Projects.Sum(p => p.PledgedForeignCapitalUsdCents ?? 0), funnel.TotalForeignCapitalUsdCents);
        Assert.Equal(["CHF"], funnel.Unconverted.Select(u => u.Currency));
        foreach (var stage in ProjectStages.Pipeline)
        {
            Assert.Equal(s.Projects.Count(p => p.Stage == stage), funnel.Stages.Single(x => x.Stage == stage).Projects);
        }

        var signed = s.Projects.Where(p => p.Stage is >= ProjectStage.Signed and <= ProjectStage.AtCapacity).ToList();
        Assert.Equal(signed.Sum(p => ReportScenario.Fen(p.PledgedInvestment, rates) ?? 0), pledged.Total.PledgedFen);
        Assert.Equal(s.VerifiedIn(FigureKind.FundsInPlace, year) + s.VerifiedIn(FigureKind.FundsInPlace, year - 1), pledged.Total.FundsInPlaceFen);
        Assert.Equal(s.VerifiedIn(FigureKind.ForeignCapitalUsed, year), pledged.Total.ForeignCapitalUsdCents);

        var inYear = s.SignedInYear(year).ToList();
        var investment = targets.Metrics.Single(m => m.Metric == TargetMetric.SignedInvestment);
        Assert.Equal(inYear.Sum(p => ReportScenario.Fen(p.PledgedInvestment, rates) ?? 0), investment.Actual);
        Assert.Equal(100_000_000_00L, investment.Target);
        Assert.Equal(inYear.Count, targets.Metrics.Single(m => m.Metric == TargetMetric.SignedProjects).Actual);
    }

    [Fact]
    public async Task The_event_report_puts_the_suzhou_conferences_recorded_signings_beside_its_announced_figures()
    {
        using var manager = await fixture.ClientAsync("manager");
        var (suzhou, recorded, rates) = await fixture.QueryAsync(async db =>
        {
            var id = await db.Events.Where(e => e.Code == "suzhou-2025").Select(e => e.Id).SingleAsync();
            var pledges = await db.Projects.Where(p => p.EventId == id).Select(p => p.PledgedInvestment).ToListAsync();
            var yearRates = await db.ExchangeRates.Where(r => r.Year == 2025).ToDictionaryAsync(r => r.Currency.Trim(), r => (decimal)r.CnyPerUnitMicros / ExchangeRate.Scale);
            return (id, pledges, yearRates);
        });

        var report = await ReadAsync<KunshanInvest.Application.Reports.GetEventReport.EventReport>(await manager.GetAsync($"{Reports}/events?from=2025-01-01&to=2025-12-31"));

        var row = report.Events.Single(e => e.EventId == suzhou);
        Assert.Equal((55, 4_418_000_000_000L), (row.AnnouncedProjects, row.AnnouncedInvestmentFen));
        Assert.Equal(recorded.Count, row.RecordedProjects);
        Assert.Equal(recorded.Sum(m => ReportScenario.Fen(m, rates) ?? 0), row.RecordedPledgedFen);
    }

    [Fact]
    public async Task Stage_durations_are_the_nearest_rank_percentiles_of_the_stage_history()
    {
        var (s, _, _) = await SeedAsync();
        using var manager = await fixture.ClientAsync("manager");

        var report = await ReadAsync<StageDurations>(await manager.GetAsync($"{Reports}/stage-durations{Query(s)}"));

        var expected = s.Stays().GroupBy(x => x.Stage).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => g.Key), report.Stages.Select(r => r.Stage));
        foreach (var group in expected)
        {
            var row = report.Stages.Single(r => r.Stage == group.Key);
            var days = group.Select(x => x.Days).ToList();
            Assert.Equal(days.Count, row.Stays);
            Assert.Equal(ReportScenario.Percentile(days, 50), row.MedianDays, 3);
            Assert.Equal(ReportScenario.Percentile(days, 90), row.P90Days, 3);
        }
    }

    [Fact]
    public async Task An_officer_sees_its_own_figures_partners_and_auditors_are_refused()
    {
        var (s, officerB, _) = await SeedAsync();
        using var partner = await fixture.ClientAsync("partner");
        using var auditor = await fixture.ClientAsync("auditor");

        var funnel = await ReadAsync<PipelineFunnel>(await officerB.GetAsync($"{Reports}/funnel{Query(s, officer: s.OwnerA)}"));
        var stalled = await ReadAsync<StalledReport>(await officerB.GetAsync($"{Reports}/stalled{Query(s)}"));

        Assert.Equal(s.Projects.Count(p => p.OwnerId == s.OwnerB), funnel.TotalProjects);
        Assert.All(stalled.Items, i => Assert.Equal(s.OwnerB, i.OwnerId));
        await (await partner.GetAsync($"{Reports}/funnel")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await auditor.GetAsync($"{Reports}/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officerB.GetAsync("/api/v1/admin/targets?year=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officerB.PostAsync("/api/v1/admin/snapshots", null, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_report_and_target_input_is_400_naming_the_field()
    {
        using var manager = await fixture.ClientAsync("manager");
        using var admin = await fixture.ClientAsync("admin");

        var backwards = await manager.GetAsync($"{Reports}/funnel?from=2026-06-01&to=2026-01-01");
        var garbage = await manager.GetAsync($"{Reports}/trend?from=yesterday");
        var unknownReport = await manager.GetAsync($"{Reports}/nonsense.csv");
        var negative = await admin.PostAsJsonAsync("/api/v1/admin/targets", new { year = 2026, metric = "Jobs", value = -1 });
        var noSector = await admin.PostAsJsonAsync("/api/v1/admin/targets", new { year = 2026, metric = "Jobs", value = 1, sectorId = Guid.NewGuid() });
        var badRate = await admin.PostAsJsonAsync("/api/v1/admin/exchange-rates", new { year = 2026, currency = "usd", cnyPerUnit = -7 });

        Assert.True((await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _));
        await garbage.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True((await unknownReport.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("report", out _));
        Assert.True((await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("value", out _));
        Assert.True((await noSector.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sectorId", out _));
        var rate = (await badRate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(rate.TryGetProperty("currency", out _) && rate.TryGetProperty("cnyPerUnit", out _), rate.ToString());
    }

    [Fact]
    public async Task Targets_and_rates_are_versioned_and_audited()
    {
        using var admin = await fixture.ClientAsync("admin");
        var year = 2040 + Random.Shared.Next(0, 50);

        var created = await admin.PostAsJsonAsync("/api/v1/admin/targets", new { year, metric = "SignedProjects", value = 40 });
        var target = await ReadAsync<TargetDto>(created);
        var revised = await admin.SendAsync(Put($"/api/v1/admin/targets/{target.Id}", new { value = 45 }, created.Headers.ETag!.ToString()));
        var stale = await admin.SendAsync(Put($"/api/v1/admin/targets/{target.Id}", new { value = 50 }, created.Headers.ETag!.ToString()));
        var twice = await admin.PostAsJsonAsync("/api/v1/admin/targets", new { year, metric = "SignedProjects", value = 41 });
        var rate = await admin.PostAsJsonAsync("/api/v1/admin/exchange-rates", new { year, currency = "GBP", cnyPerUnit = 9.12m });
        var rateId = (await rate.JsonAsync()).Id();
        var rateRevised = await admin.SendAsync(Put($"/api/v1/admin/exchange-rates/{rateId}", new { cnyPerUnit = 9.2m }, rate.Headers.ETag!.ToString()));

        Assert.Equal(45, (await ReadAsync<TargetDto>(revised)).Value);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(9.2m, (await rateRevised.JsonAsync()).GetProperty("cnyPerUnit").GetDecimal());
        var audits = await fixture.QueryAsync(db => db.AuditEntries.Where(e => e.EntityId == target.Id.ToString() || e.EntityId == rateId.ToString()).CountAsync());
        Assert.Equal(4, audits);
    }

    [Fact]
    public async Task Each_report_sends_the_same_number_of_statements_for_one_sector_as_for_the_whole_zone()
    {
        var (s, _, _) = await SeedAsync();
        using var manager = await fixture.ClientAsync("manager");
        foreach (var report in new[] { "funnel", "stage-durations", "pledged-vs-realised", "stalled", "by-source", "by-country", "events", "trend", "realised-by-month", "foreign-capital-by-sector", "foreign-capital-by-country", "per-mu" })
        {
            var one = await fixture.App.Sql.Measure(async () => (await manager.GetAsync($"{Reports}/{report}{Query(s)}")).EnsureSuccessStatusCode());
            var all = await fixture.App.Sql.Measure(async () => (await manager.GetAsync($"{Reports}/{report}")).EnsureSuccessStatusCode());
            Assert.True(one.Count == all.Count, $"{report}: {one.Count} vs {all.Count}");
            Assert.InRange(one.Count, 1, 4);
        }
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_report_and_its_funnel_total_matches_the_api()
    {
        var (s, _, _) = await SeedAsync();
        using var manager = await fixture.ClientAsync("manager");
        using var admin = await fixture.ClientAsync("admin");
        (await admin.PostAsync("/api/v1/admin/snapshots", null, null)).EnsureSuccessStatusCode();

        var funnel = await ReadAsync<PipelineFunnel>(await manager.GetAsync($"{Reports}/funnel{Query(s)}"));
        var xlsx = await manager.GetAsync($"{Reports}/export.xlsx{Query(s)}");
        var csv = await manager.GetAsync($"{Reports}/funnel.csv{Query(s)}");

        xlsx.EnsureSuccessStatusCode();
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(19, sheets.Count); // 15 pipeline reports (the funnel matrix the 15th) and, for a manager, 4 of service requests
        var rows = stream.Query(useHeaderRow: true, sheetName: "项目漏斗").Cast<IDictionary<string, object?>>().ToList();
        var total = rows.Single(r => (string?)r["产业链"] == "合计" && (string?)r["阶段"] == "合计");
        Assert.Equal(funnel.TotalProjects, Convert.ToInt32(total["项目数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(funnel.TotalPledgedFen / 100m, Convert.ToDecimal(total.Values.ElementAt(3), System.Globalization.CultureInfo.InvariantCulture));
        var trend = stream.Query(useHeaderRow: true, sheetName: "月度趋势").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(trend, r => (string?)r["月份"] == StaffWork.KunshanToday.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("产业链,阶段,项目数", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realised_kpis_count_only_verified_entries_of_the_year_in_usd_and_cny()
    {
        var (s, officerB, _) = await SeedAsync();
        using var manager = await fixture.ClientAsync("manager");
        var year = s.Year;

        var targets = await ReadAsync<TargetProgress>(await manager.GetAsync($"{Reports}/targets{Query(s)}"));
        var january = await ReadAsync<TargetProgress>(await manager.GetAsync($"{Reports}/targets{Query(s)}&asOf={year}-01-31"));
        var months = await ReadAsync<RealisedByMonth>(await manager.GetAsync($"{Reports}/realised-by-month{Query(s)}"));
        var bySector = await ReadAsync<ForeignCapitalBreakdown>(await manager.GetAsync($"{Reports}/foreign-capital-by-sector{Query(s)}"));
        var byCountry = await ReadAsync<ForeignCapitalBreakdown>(await manager.GetAsync($"{Reports}/foreign-capital-by-country{Query(s)}"));
        var ownCountry = await ReadAsync<ForeignCapitalBreakdown>(await officerB.GetAsync($"{Reports}/foreign-capital-by-country{Query(s, officer: s.OwnerA)}"));
        var perMu = await ReadAsync<PerMuRanking>(await manager.GetAsync($"{Reports}/per-mu{Query(s)}&top=50"));

        long Actual(TargetProgress t, TargetMetric m) => t.Metrics.Single(x => x.Metric == m).Actual;
        Assert.Equal(7_500_000_00L, Actual(targets, TargetMetric.FundsInPlace));
        Assert.Equal(1_500_000_00L, Actual(targets, TargetMetric.ForeignCapital));
        Assert.Equal(400_000_00L, Actual(targets, TargetMetric.RealisedTax));
        Assert.Equal(145L, Actual(targets, TargetMetric.RealisedJobs));
        Assert.Equal(1_000_000_00L, Actual(january, TargetMetric.FundsInPlace));
        Assert.Equal(31.0 / (DateTime.IsLeapYear(year) ? 366 : 365), january.ElapsedShare, 9);
        Assert.Equal(7_500_000_00L, months.Months[^1].CumulativeFundsFen);
        Assert.Equal([1_000_000_00L, 4_000_000_00L, 2_500_000_00L], months.Months.Take(3).Select(m => m.FundsFen));
        Assert.Equal(1_500_000_00L, Assert.Single(bySector.Rows).UsdCents);
        Assert.Equal([("US", 1_000_000_00L), ("DE", 500_000_00L)], byCountry.Rows.Select(r => (r.Key, r.UsdCents)));
        Assert.Equal([("US", 1_000_000_00L)], ownCountry.Rows.Select(r => (r.Key, r.UsdCents)));

        // The sector's one project at 供地 or later has pledged land (80 亩) but no production start: listed, not rated.
        var stalled = s.Named("开工停滞");
        var item = Assert.Single(perMu.Items);
        Assert.Equal((stalled.EnterpriseId, PerMuClass.T, (int?)null, 80.0), (item.EnterpriseId, item.Class, item.Rank, item.LandMu));
        Assert.Equal(300_000_00L, item.TaxFen);
        Assert.Equal(0.375, item.TaxPerMuWan!.Value, 9);
    }

    [Fact]
    public async Task Kpi_reports_refuse_partners_and_auditors_and_bad_input_is_400()
    {
        using var manager = await fixture.ClientAsync("manager");
        using var partner = await fixture.ClientAsync("partner");
        using var auditor = await fixture.ClientAsync("auditor");

        foreach (var report in new[] { "realised-by-month", "foreign-capital-by-sector", "foreign-capital-by-country", "per-mu" })
        {
            await (await partner.GetAsync($"{Reports}/{report}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await auditor.GetAsync($"{Reports}/{report}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.True((await (await manager.GetAsync($"{Reports}/per-mu?top=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("top", out _));
        Assert.True((await (await manager.GetAsync($"{Reports}/per-mu?year=1999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("year", out _));
        Assert.True((await (await manager.GetAsync($"{Reports}/targets?asOf=1900-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("asOf", out _));
        await (await manager.GetAsync($"{Reports}/pledged-vs-realised?by=Planet")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.GetAsync($"{Reports}/realised-by-month?asOf=soon")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static HttpRequestMessage Put(string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));
        return request;
    }
}

public sealed class SqliteReportApiTests(SqliteApp fixture) : ReportApiTests<SqliteApp>(fixture);

public sealed class PostgresReportApiTests(PostgresApp fixture) : ReportApiTests<PostgresApp>(fixture);
