using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetPerMuRanking;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 亩均 ranking of this year over the whole zone, top 20. Baseline: the obvious hand-written way —
/// land and first production start per enterprise (one GROUP BY over the projects LEFT JOINed to their 供地 and 投产
/// milestones), verified tax and revenue per enterprise (one GROUP BY over the figures), the names of the top 20 —
/// joined, filtered and ranked in memory.
/// </summary>
public class PerMuBenchmarks : ReportBenchmark
{
    private const int Top = 20;

    private static int Year => Today.Year;

    [Benchmark(Baseline = true), BenchmarkCategory("per mu")]
    public async Task<double> PerMu_Sql() => (await PerMuSqlAsync()).TopTaxPerMu;

    [Benchmark, BenchmarkCategory("per mu")]
    public async Task<double> PerMu_Handler() => (await Host.QueryAsync(Manager, new GetPerMuRanking(ThisYear, Year, Top))).Items[0].TaxPerMuWan ?? 0;

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetPerMuRanking(ThisYear, Year, Top));
        var sql = await PerMuSqlAsync();
        Same("rated", report.Rated, sql.Rated);
        Same("listed", report.Listed, sql.Listed);
        Same("top enterprises", string.Join(",", report.Items.Select(i => i.EnterpriseId)), string.Join(",", sql.TopIds));
        Same("top tax per mu", report.Items[0].TaxPerMuWan ?? 0, sql.TopTaxPerMu);
        if (sql.Rated == 0)
        {
            throw new InvalidOperationException("No rated enterprise: regenerate the synthetic data (it now carries milestones and figures).");
        }
    }

    private async Task<(int Rated, int Listed, List<Guid> TopIds, double TopTaxPerMu)> PerMuSqlAsync()
    {
        var sites = await ListAsync(
            "SELECT p.\"EnterpriseId\", SUM(COALESCE(l.\"LandMu\", CASE WHEN p.\"Stage\" BETWEEN 5 AND 9 THEN p.\"PledgedLandMu\" END)), MIN(s.\"ActualOn\") " +
            "FROM \"Projects\" p " +
            "LEFT JOIN \"Milestones\" l ON l.\"ProjectId\" = p.\"Id\" AND l.\"Kind\" = 1 AND l.\"ActualOn\" <= @end " +
            "LEFT JOIN \"Milestones\" s ON s.\"ProjectId\" = p.\"Id\" AND s.\"Kind\" = 3 AND s.\"ActualOn\" <= @end " +
            "WHERE p.\"EnterpriseId\" IS NOT NULL AND (l.\"Id\" IS NOT NULL OR s.\"Id\" IS NOT NULL OR p.\"Stage\" BETWEEN 5 AND 9) " +
            "GROUP BY p.\"EnterpriseId\"",
            r => (Id: ReadGuid(r, 0), Land: r.IsDBNull(1) ? 0 : r.GetDouble(1), Started: r.IsDBNull(2) ? (DateOnly?)null : ReadDate(r, 2)),
            ("@end", Store(new DateOnly(Year, 12, 31))));
        var figures = (await ListAsync(
            "SELECT p.\"EnterpriseId\", SUM(CASE WHEN f.\"Kind\" = 5 THEN f.\"Value\" ELSE 0 END), SUM(CASE WHEN f.\"Kind\" = 3 THEN f.\"Value\" ELSE 0 END) " +
            "FROM \"FigureEntries\" f JOIN \"Projects\" p ON p.\"Id\" = f.\"ProjectId\" " +
            "WHERE f.\"Status\" = 1 AND f.\"Kind\" IN (3, 5) AND f.\"Period\" BETWEEN @first AND @last AND p.\"EnterpriseId\" IS NOT NULL GROUP BY p.\"EnterpriseId\"",
            r => (Id: ReadGuid(r, 0), Tax: Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Revenue: Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)),
            ("@first", (Year * 100) + 1), ("@last", (Year * 100) + 12))).ToDictionary(f => f.Id);
        var cutoff = new DateOnly(Year - 2, 12, 31);
        var rated = sites
            .Where(s => s.Land > 0 && s.Started is { } on && on <= cutoff)
            .Select(s => (s.Id, s.Land, Tax: figures.TryGetValue(s.Id, out var f) ? f.Tax : 0, Revenue: figures.TryGetValue(s.Id, out var g) ? g.Revenue : 0))
            .OrderByDescending(s => s.Tax / s.Land).ThenByDescending(s => s.Revenue / s.Land).ThenBy(s => s.Id)
            .ToList();
        var top = rated.Take(Top).ToList();
        await ListAsync(
            $"SELECT \"Id\", \"NameZh\" FROM \"Enterprises\" WHERE \"Id\" IN ({string.Join(", ", top.Select((_, i) => $"@e{i}"))})",
            r => ReadGuid(r, 0), [.. top.Select((t, i) => ($"@e{i}", (object?)t.Id))]);
        return (rated.Count, sites.Count, [.. top.Select(t => t.Id)], top.Count == 0 ? 0 : top[0].Tax / 1_000_000d / top[0].Land);
    }
}
