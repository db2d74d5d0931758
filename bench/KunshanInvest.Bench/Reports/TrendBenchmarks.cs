using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetTrend;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 趋势 this year from the pipeline snapshots (<see cref="ReportData"/> writes the month-ends and today's): per month
/// the last snapshot's projects (not lost), signed ones and pledges at that year's rates. Baseline: all rates, the
/// distinct snapshot days of the period, one GROUP BY over the chosen days.
/// </summary>
public class TrendBenchmarks : ReportBenchmark
{
    [Benchmark(Baseline = true), BenchmarkCategory("trend")]
    public async Task<long> Trend_Sql() => (await TrendSqlAsync()).Fen;

    [Benchmark, BenchmarkCategory("trend")]
    public async Task<long> Trend_Handler() => (await Host.QueryAsync(Manager, new GetTrend(ThisYear))).Points.Sum(p => p.PledgedFen);

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetTrend(ThisYear));
        var sql = await TrendSqlAsync();
        Same("points", report.Points.Count, sql.Points);
        Same("projects over the points", report.Points.Sum(p => (long)p.Projects), sql.Projects);
        Same("signed over the points", report.Points.Sum(p => (long)p.SignedProjects), sql.Signed);
        Same("pledged fen over the points", report.Points.Sum(p => p.PledgedFen), sql.Fen);
        if (sql.Points < Today.Month)
        {
            throw new InvalidOperationException($"The trend has {sql.Points} points for {Today.Month} months: snapshots are missing.");
        }
    }

    private async Task<(int Points, long Projects, long Signed, long Fen)> TrendSqlAsync()
    {
        var rates = await RatesAsync();
        var days = await ListAsync(
            "SELECT DISTINCT \"Day\" FROM \"PipelineSnapshots\" WHERE \"Day\" >= @from AND \"Day\" <= @to",
            r => ReadDate(r, 0),
            ("@from", YearStart), ("@to", Today));
        var chosen = days.GroupBy(d => (d.Year, d.Month)).Select(g => g.Max()).Order().ToList();
        if (chosen.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        var groups = await ListAsync(
            "SELECT \"Day\", CASE WHEN \"Stage\" >= 3 AND \"Stage\" <= 9 THEN 1 ELSE 0 END, \"Currency\", SUM(\"Projects\"), SUM(\"PledgedMinor\") FROM \"PipelineSnapshots\" " +
            $"WHERE \"Day\" IN ({string.Join(", ", chosen.Select((_, i) => $"@d{i}"))}) AND \"Stage\" <> 21 GROUP BY \"Day\", 2, \"Currency\"",
            r => (Day: ReadDate(r, 0), Signed: r.GetInt32(1) == 1, Currency: ReadString(r, 2), Projects: r.GetInt64(3), Minor: r.GetInt64(4)),
            [.. chosen.Select((d, i) => ($"@d{i}", (object?)d))]);
        var byYear = chosen.Select(d => d.Year).Distinct().ToDictionary(y => y, y => RatesFor(rates, y));
        return (
            chosen.Count,
            groups.Sum(g => g.Projects),
            groups.Where(g => g.Signed).Sum(g => g.Projects),
            groups.Sum(g => g.Minor == 0 ? 0 : ToFen(byYear[g.Day.Year], g.Currency, g.Minor) ?? 0));
    }
}
