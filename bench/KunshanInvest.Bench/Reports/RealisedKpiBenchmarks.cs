using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetRealisedByMonth;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// The dashboard's realised panels over the whole zone this year: verified 到位资金 and 实际使用外资 by month against the
/// zone's targets, and 实际使用外资 by sector and by the enterprise's country. Baselines: one GROUP BY (month, kind) over
/// the verified figures with the targets; one GROUP BY sector (with the sector names) / country over the figures
/// JOINed to their projects (and enterprises).
/// </summary>
public class RealisedKpiBenchmarks : ReportBenchmark
{
    private static int First => Today.Year * 100 + 1;

    private static int Last => (Today.Year * 100) + Today.Month;

    [Benchmark(Baseline = true), BenchmarkCategory("realised by month")]
    public async Task<long> ByMonth_Sql() => (await ByMonthSqlAsync()).Funds;

    [Benchmark, BenchmarkCategory("realised by month")]
    public async Task<long> ByMonth_Handler() => (await Host.QueryAsync(Manager, new GetRealisedByMonth(ThisYear))).Months[^1].CumulativeFundsFen;

    [Benchmark(Baseline = true), BenchmarkCategory("foreign capital by country")]
    public async Task<long> ByCountry_Sql() => (await ForeignSqlAsync(ForeignCapitalDimension.Country)).Usd;

    [Benchmark, BenchmarkCategory("foreign capital by country")]
    public async Task<long> ByCountry_Handler() => (await Host.QueryAsync(Manager, new GetForeignCapitalBreakdown(ThisYear, ForeignCapitalDimension.Country))).TotalUsdCents;

    [Benchmark(Baseline = true), BenchmarkCategory("foreign capital by sector")]
    public async Task<long> BySector_Sql() => (await ForeignSqlAsync(ForeignCapitalDimension.Sector)).Usd;

    [Benchmark, BenchmarkCategory("foreign capital by sector")]
    public async Task<long> BySector_Handler() => (await Host.QueryAsync(Manager, new GetForeignCapitalBreakdown(ThisYear, ForeignCapitalDimension.Sector))).TotalUsdCents;

    protected override async Task Verify()
    {
        var months = await Host.QueryAsync(Manager, new GetRealisedByMonth(ThisYear));
        var sql = await ByMonthSqlAsync();
        Same("funds to date", months.Months[^1].CumulativeFundsFen, sql.Funds);
        Same("foreign capital to date", months.Months[^1].CumulativeForeignUsdCents, sql.Foreign);
        Same("funds target", months.FundsTargetFen ?? 0, sql.FundsTarget);
        foreach (var by in Enum.GetValues<ForeignCapitalDimension>())
        {
            var report = await Host.QueryAsync(Manager, new GetForeignCapitalBreakdown(ThisYear, by));
            var baseline = await ForeignSqlAsync(by);
            Same($"{by} rows", report.Rows.Count, baseline.Rows);
            Same($"{by} USD", report.TotalUsdCents, baseline.Usd);
            Same($"{by} projects", report.Rows.Sum(r => r.Projects), baseline.Projects);
        }

        if (sql.Funds == 0 || sql.Foreign == 0)
        {
            throw new InvalidOperationException("No verified figures this year: regenerate the synthetic data (it now carries figures).");
        }
    }

    private async Task<(long Funds, long Foreign, long FundsTarget)> ByMonthSqlAsync()
    {
        var sums = await ListAsync(
            "SELECT f.\"Period\", f.\"Kind\", SUM(f.\"Value\") FROM \"FigureEntries\" f " +
            "WHERE f.\"Status\" = 1 AND f.\"Kind\" IN (0, 1) AND f.\"Period\" >= @first AND f.\"Period\" <= @last GROUP BY f.\"Period\", f.\"Kind\"",
            r => (Kind: r.GetInt32(1), Value: r.GetInt64(2)),
            ("@first", First), ("@last", Last));
        var targets = await ListAsync(
            "SELECT \"Metric\", \"Value\" FROM \"Targets\" WHERE \"Year\" = @year AND \"Metric\" IN (2, 3) AND \"SectorId\" IS NULL AND \"OfficerId\" IS NULL AND \"ParkId\" IS NULL",
            r => (Metric: r.GetInt32(0), Value: r.GetInt64(1)),
            ("@year", Today.Year));
        return (sums.Where(s => s.Kind == 0).Sum(s => s.Value), sums.Where(s => s.Kind == 1).Sum(s => s.Value), targets.Where(t => t.Metric == 3).Sum(t => t.Value));
    }

    private async Task<(int Rows, long Usd, int Projects)> ForeignSqlAsync(ForeignCapitalDimension by)
    {
        var key = by == ForeignCapitalDimension.Sector ? "p.\"SectorId\"" : "e.\"Country\"";
        var join = by == ForeignCapitalDimension.Sector ? "" : " LEFT JOIN \"Enterprises\" e ON e.\"Id\" = p.\"EnterpriseId\"";
        var rows = await ListAsync(
            $"SELECT {key}, COUNT(DISTINCT p.\"Id\"), SUM(f.\"Value\") FROM \"FigureEntries\" f JOIN \"Projects\" p ON p.\"Id\" = f.\"ProjectId\"{join} " +
            $"WHERE f.\"Status\" = 1 AND f.\"Kind\" = 1 AND f.\"Period\" >= @first AND f.\"Period\" <= @last GROUP BY {key}",
            r => (Projects: (int)r.GetInt64(1), Usd: r.GetInt64(2)),
            ("@first", First), ("@last", Last));
        if (by == ForeignCapitalDimension.Sector)
        {
            await ListAsync("SELECT \"Id\", \"NameZh\" FROM \"Sectors\"", r => ReadGuid(r, 0));
        }

        return (rows.Count, rows.Sum(r => r.Usd), rows.Sum(r => r.Projects));
    }
}
