using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 协议与落地 this year over the whole zone, per sector: the signed projects' (签约 … 达产) pledges beside the cumulative
/// verified 到位资金, 实际使用外资, tax and output. Baseline: the rates, one GROUP BY (sector, currency) over the signed
/// projects, one GROUP BY (sector, kind) over their verified figures up to this month, and the sector names.
/// </summary>
public class PledgedVsRealisedBenchmarks : ReportBenchmark
{
    private const string Signed = "p.\"Stage\" >= 3 AND p.\"Stage\" <= 9";

    [Benchmark(Baseline = true), BenchmarkCategory("pledged vs realised")]
    public async Task<long> Pledged_Sql() => (await PledgedSqlAsync()).Fen;

    [Benchmark, BenchmarkCategory("pledged vs realised")]
    public async Task<long> Pledged_Handler() => (await Host.QueryAsync(Manager, new GetPledgedVsRealised(ThisYear))).Total.PledgedFen;

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetPledgedVsRealised(ThisYear));
        var sql = await PledgedSqlAsync();
        Same("signed projects", report.Projects, sql.Projects);
        // The handler converts per (sector, signing year, currency), the baseline per (sector, currency): rounding to the
        // fen differs by a few fen in CNY 8 trillion, so the two are compared to a millionth.
        Same("pledged fen", (double)report.Total.PledgedFen, sql.Fen);
        Same("funds in place", report.Total.FundsInPlaceFen, sql.Realised[0]);
        Same("foreign capital used", report.Total.ForeignCapitalUsdCents, sql.Realised[1]);
        Same("tax", report.Total.TaxFen, sql.Realised[5]);
        Same("output", report.Total.OutputFen, sql.Realised[4]);
        Same("groups", report.Groups.Count, sql.Groups);
        if (sql.Realised[0] == 0)
        {
            throw new InvalidOperationException("No verified funds in place: regenerate the synthetic data (it now carries figures).");
        }
    }

    private async Task<(int Projects, long Fen, long[] Realised, int Groups)> PledgedSqlAsync()
    {
        var rates = RatesFor(await RatesAsync(), Today.Year);
        var sums = await ListAsync(
            "SELECT p.\"SectorId\", p.\"PledgedInvestmentCurrency\", COUNT(*), COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0) " +
            $"FROM \"Projects\" p WHERE {Signed} GROUP BY p.\"SectorId\", p.\"PledgedInvestmentCurrency\"",
            r => (Sector: ReadNullableGuid(r, 0), Currency: ReadString(r, 1), Projects: (int)r.GetInt64(2), Minor: r.GetInt64(3)));
        var figures = await ListAsync(
            "SELECT p.\"SectorId\", f.\"Kind\", SUM(f.\"Value\") FROM \"FigureEntries\" f JOIN \"Projects\" p ON p.\"Id\" = f.\"ProjectId\" " +
            $"WHERE f.\"Status\" = 1 AND f.\"Kind\" IN (0, 1, 4, 5) AND f.\"Period\" <= @last AND {Signed} GROUP BY p.\"SectorId\", f.\"Kind\"",
            r => (Sector: ReadNullableGuid(r, 0), Kind: r.GetInt32(1), Value: r.GetInt64(2)),
            ("@last", (Today.Year * 100) + Today.Month));
        var groups = sums.Select(s => s.Sector).Concat(figures.Select(f => f.Sector)).Distinct().ToList();
        await ListAsync("SELECT \"Id\", \"NameZh\" FROM \"Sectors\"", r => ReadGuid(r, 0));
        var realised = new long[9];
        foreach (var f in figures)
        {
            realised[f.Kind] += f.Value;
        }

        return (sums.Sum(s => s.Projects), sums.Sum(s => s.Minor == 0 ? 0 : ToFen(rates, s.Currency, s.Minor) ?? 0), realised, groups.Count);
    }
}
