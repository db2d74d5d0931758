using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 项目漏斗 over the whole zone. Baseline: the rates and one GROUP BY (sector, stage, stage before the side state,
/// currency), converted and rolled up into cells and the reached-at-least counts by hand.
/// </summary>
public class FunnelBenchmarks : ReportBenchmark
{
    [Benchmark(Baseline = true), BenchmarkCategory("funnel")]
    public async Task<long> Funnel_Sql() => (await FunnelSqlAsync()).Fen;

    [Benchmark, BenchmarkCategory("funnel")]
    public async Task<long> Funnel_Handler() => (await Host.QueryAsync(Manager, new GetPipelineFunnel(ThisYear))).TotalPledgedFen;

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetPipelineFunnel(ThisYear));
        var sql = await FunnelSqlAsync();
        Same("funnel projects", report.TotalProjects, sql.Projects);
        Same("funnel pledged fen", report.TotalPledgedFen, sql.Fen);
        Same("funnel foreign capital", report.TotalForeignCapitalUsdCents, sql.ForeignCapital);
        Same("funnel cells", report.Cells.Count, sql.Cells);
        Same("funnel reached", string.Join(",", report.Stages.Select(s => s.Reached)), string.Join(",", sql.Reached));
    }

    private async Task<(int Projects, long Fen, long ForeignCapital, int Cells, int[] Reached)> FunnelSqlAsync()
    {
        var rates = RatesFor(await RatesAsync(), Today.Year);
        var groups = await ListAsync(
            "SELECT p.\"SectorId\", p.\"Stage\", p.\"StageBeforeSideState\", p.\"PledgedInvestmentCurrency\", COUNT(*), " +
            "COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0), COALESCE(SUM(p.\"PledgedForeignCapitalUsdCents\"), 0) " +
            "FROM \"Projects\" p GROUP BY p.\"SectorId\", p.\"Stage\", p.\"StageBeforeSideState\", p.\"PledgedInvestmentCurrency\"",
            r => (Sector: ReadNullableGuid(r, 0), Stage: r.GetInt32(1), Before: r.IsDBNull(2) ? (int?)null : r.GetInt32(2), Currency: ReadString(r, 3),
                Projects: (int)r.GetInt64(4), Minor: r.GetInt64(5), ForeignCapital: r.GetInt64(6)));

        int projects = 0;
        long fen = 0, foreignCapital = 0;
        var cells = new HashSet<(Guid?, int)>();
        var reached = new int[(int)ProjectStage.AtCapacity + 1];
        var onHold = 0;
        var lost = 0;
        foreach (var g in groups)
        {
            projects += g.Projects;
            fen += g.Minor == 0 ? 0 : ToFen(rates, g.Currency, g.Minor) ?? 0;
            foreignCapital += g.ForeignCapital;
            cells.Add((g.Sector, g.Stage));
            var top = g.Stage <= (int)ProjectStage.AtCapacity ? g.Stage : g.Before ?? -1;
            for (var s = 0; s <= top; s++)
            {
                reached[s] += g.Projects;
            }

            onHold += g.Stage == (int)ProjectStage.OnHold ? g.Projects : 0;
            lost += g.Stage == (int)ProjectStage.Lost ? g.Projects : 0;
        }

        return (projects, fen, foreignCapital, cells.Count, [.. reached, onHold, lost]);
    }
}
