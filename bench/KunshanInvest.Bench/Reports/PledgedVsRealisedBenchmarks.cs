using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 协议与落地 over the whole zone: totals per currency of the signed projects (签约 … 达产) and the first 500 by code.
/// Baseline: the rates, one GROUP BY currency and one ordered page, converted by hand.
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
        Same("pledged fen", report.Total.PledgedFen, sql.Fen);
        Same("funds in place", report.Total.FundsInPlaceFen, sql.Funds);
        Same("realised jobs", report.Total.RealisedJobs, sql.RealisedJobs);
        Same("realised tax", report.Total.RealisedTaxFen, sql.RealisedTax);
        Same("listed", report.Items.Count, sql.Items);
        Same("listed pledged fen", report.Items.Sum(i => i.PledgedFen ?? 0), sql.ItemsFen);
    }

    private async Task<(int Projects, long Fen, long Funds, long RealisedJobs, long RealisedTax, int Items, long ItemsFen)> PledgedSqlAsync()
    {
        var rates = RatesFor(await RatesAsync(), Today.Year);
        var sums = await ListAsync(
            "SELECT p.\"PledgedInvestmentCurrency\", COUNT(*), COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0), COALESCE(SUM(p.\"FundsInPlaceFen\"), 0), " +
            "COALESCE(SUM(p.\"PledgedJobs\"), 0), COALESCE(SUM(p.\"RealisedJobs\"), 0), COALESCE(SUM(p.\"PledgedAnnualTaxFen\"), 0), COALESCE(SUM(p.\"RealisedAnnualTaxFen\"), 0) " +
            $"FROM \"Projects\" p WHERE {Signed} GROUP BY p.\"PledgedInvestmentCurrency\"",
            r => (Currency: ReadString(r, 0), Projects: (int)r.GetInt64(1), Minor: r.GetInt64(2), Funds: r.GetInt64(3), RealisedJobs: r.GetInt64(5), RealisedTax: r.GetInt64(7)));
        var items = await ListAsync(
            "SELECT p.\"Id\", p.\"Code\", p.\"Name\", p.\"Stage\", p.\"PledgedInvestmentMinor\", p.\"PledgedInvestmentCurrency\", p.\"FundsInPlaceFen\", " +
            "p.\"PledgedJobs\", p.\"RealisedJobs\", p.\"PledgedAnnualTaxFen\", p.\"RealisedAnnualTaxFen\" " +
            $"FROM \"Projects\" p WHERE {Signed} ORDER BY p.\"Code\" LIMIT 500",
            r => (Id: ReadGuid(r, 0), Minor: ReadNullableLong(r, 4), Currency: ReadString(r, 5)));

        return (
            sums.Sum(s => s.Projects),
            sums.Sum(s => s.Minor == 0 ? 0 : ToFen(rates, s.Currency, s.Minor) ?? 0),
            sums.Sum(s => s.Funds),
            sums.Sum(s => s.RealisedJobs),
            sums.Sum(s => s.RealisedTax),
            items.Count,
            items.Sum(i => i.Minor is { } m ? ToFen(rates, i.Currency, m) ?? 0 : 0));
    }
}
