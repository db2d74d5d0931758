using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 目标完成情况 for this year over the whole zone: each metric's actual and every target (<see cref="ReportData"/> sets
/// zone, sector, officer and park ones) with the actual of its own scope. Baseline: the rates, the year's signings
/// grouped by (sector, owner, park, currency) over the projects JOINed to their signing instant, the year's verified
/// flow figures grouped by (sector, owner, park, kind), each project's latest verified headcount of the year grouped by
/// (sector, owner, park), the targets, and the sector, park and officer names; rolled up by hand.
/// </summary>
public class TargetProgressBenchmarks : ReportBenchmark
{
    [Benchmark(Baseline = true), BenchmarkCategory("target progress")]
    public async Task<long> Targets_Sql() => (await TargetsSqlAsync()).Actuals.Sum();

    [Benchmark, BenchmarkCategory("target progress")]
    public async Task<long> Targets_Handler() => (await Host.QueryAsync(Manager, new GetTargetProgress(ThisYear))).Metrics.Sum(m => m.Actual);

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetTargetProgress(ThisYear));
        var sql = await TargetsSqlAsync();
        Same("metric actuals", string.Join(",", report.Metrics.Select(m => m.Actual)), string.Join(",", sql.Actuals));
        Same("targets", report.Targets.Count, sql.Targets);
        Same("targets' own actuals", report.Targets.Sum(t => t.Actual), sql.TargetActuals);
        Same("named targets", report.Targets.Count(t => t.SectorName is not null || t.OfficerName is not null || t.ParkName is not null), sql.Named);
        if (sql.Targets == 0 || sql.Actuals.All(a => a == 0))
        {
            throw new InvalidOperationException("No target or no signing this year: the target report would measure nothing.");
        }
    }

    private async Task<(long[] Actuals, int Targets, long TargetActuals, int Named)> TargetsSqlAsync()
    {
        var year = Today.Year;
        var rates = RatesFor(await RatesAsync(), year);
        var signings = await ListAsync(
            "SELECT p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\", p.\"PledgedInvestmentCurrency\", COUNT(*), " +
            "COUNT(CASE WHEN p.\"IsMajor\" THEN 1 END), COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0), " +
            "COALESCE(SUM(p.\"PledgedForeignCapitalUsdCents\"), 0), COALESCE(SUM(p.\"PledgedJobs\"), 0) " +
            $"FROM \"Projects\" p JOIN ({SignedAtSql}) sa ON sa.\"ProjectId\" = p.\"Id\" " +
            "WHERE sa.\"SignedAt\" >= @from AND sa.\"SignedAt\" < @to " +
            "GROUP BY p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\", p.\"PledgedInvestmentCurrency\"",
            r => new Fact(ReadNullableGuid(r, 0), ReadGuid(r, 1), ReadNullableGuid(r, 2), new long[]
            {
                r.GetInt64(4),
                r.GetInt64(6) == 0 ? 0 : ToFen(rates, ReadString(r, 3), r.GetInt64(6)) ?? 0,
                0,
                0,
                r.GetInt64(5),
                r.GetInt64(8),
                0, 0, 0, 0,
            }),
            ("@from", StartUtc(new DateOnly(year, 1, 1))), ("@to", StartUtc(new DateOnly(year + 1, 1, 1))));
        var (first, last) = ((year * 100) + 1, Math.Min((year * 100) + 12, (Today.Year * 100) + Today.Month));
        int[] metricOfKind = [3, 2, 9, -1, 7, 6];
        var flows = await ListAsync(
            "SELECT p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\", f.\"Kind\", SUM(f.\"Value\") FROM \"FigureEntries\" f JOIN \"Projects\" p ON p.\"Id\" = f.\"ProjectId\" " +
            "WHERE f.\"Status\" = 1 AND f.\"Kind\" IN (0, 1, 2, 4, 5) AND f.\"Period\" >= @first AND f.\"Period\" <= @last " +
            "GROUP BY p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\", f.\"Kind\"",
            r =>
            {
                var values = new long[10];
                values[metricOfKind[r.GetInt32(3)]] = r.GetInt64(4);
                return new Fact(ReadNullableGuid(r, 0), ReadGuid(r, 1), ReadNullableGuid(r, 2), values);
            },
            ("@first", first), ("@last", last));
        var headcounts = await ListAsync(
            "SELECT p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\", SUM(f.\"Value\") FROM \"FigureEntries\" f " +
            "JOIN (SELECT \"ProjectId\", MAX(\"Period\") AS \"Period\" FROM \"FigureEntries\" WHERE \"Status\" = 1 AND \"Kind\" = 6 AND \"Period\" >= @first AND \"Period\" <= @last GROUP BY \"ProjectId\") l " +
            "ON l.\"ProjectId\" = f.\"ProjectId\" AND l.\"Period\" = f.\"Period\" JOIN \"Projects\" p ON p.\"Id\" = f.\"ProjectId\" " +
            "WHERE f.\"Status\" = 1 AND f.\"Kind\" = 6 GROUP BY p.\"SectorId\", p.\"OwnerId\", p.\"ParkId\"",
            r => new Fact(ReadNullableGuid(r, 0), ReadGuid(r, 1), ReadNullableGuid(r, 2), [0, 0, 0, 0, 0, 0, 0, 0, r.GetInt64(3), 0]),
            ("@first", first), ("@last", last));
        var targets = await ListAsync(
            "SELECT \"Id\", \"Metric\", \"SectorId\", \"OfficerId\", \"ParkId\", \"Value\" FROM \"Targets\" WHERE \"Year\" = @year " +
            "ORDER BY \"Metric\", \"SectorId\", \"OfficerId\", \"ParkId\"",
            r => (Metric: r.GetInt32(1), Sector: ReadNullableGuid(r, 2), Officer: ReadNullableGuid(r, 3), Park: ReadNullableGuid(r, 4)),
            ("@year", year));

        var sectors = await NamedAsync("Sectors", "NameZh", targets.Select(t => t.Sector));
        var parks = await NamedAsync("Parks", "NameZh", targets.Select(t => t.Park));
        var officers = await NamedAsync("AspNetUsers", "UserName", targets.Select(t => t.Officer));

        var facts = signings.Concat(flows).Concat(headcounts).ToList();
        var metrics = Enum.GetValues<TargetMetric>().Length;
        var actuals = Enumerable.Range(0, metrics).Select(m => facts.Sum(f => f.Values[m])).ToArray();
        var targetActuals = targets.Sum(t => facts
            .Where(f => (t.Sector is null || t.Sector == f.Sector) && (t.Officer is null || t.Officer == f.Owner) && (t.Park is null || t.Park == f.Park))
            .Sum(f => f.Values[t.Metric]));
        var named = targets.Count(t => t.Sector is { } s && sectors.Contains(s) || t.Officer is { } o && officers.Contains(o) || t.Park is { } p && parks.Contains(p));
        return (actuals, targets.Count, targetActuals, named);
    }

    /// <summary>The ids among <paramref name="ids"/> that have a row (and a name) in <paramref name="table"/>: one statement.</summary>
    private async Task<HashSet<Guid>> NamedAsync(string table, string nameColumn, IEnumerable<Guid?> ids)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var rows = await ListAsync(
            $"SELECT \"Id\", \"{nameColumn}\" FROM \"{table}\" WHERE \"Id\" IN ({string.Join(", ", wanted.Select((_, i) => $"@i{i}"))})",
            r => ReadGuid(r, 0),
            [.. wanted.Select((id, i) => ($"@i{i}", (object?)id))]);
        return [.. rows];
    }

    private sealed record Fact(Guid? Sector, Guid Owner, Guid? Park, long[] Values);
}
