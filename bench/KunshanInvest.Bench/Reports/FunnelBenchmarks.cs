using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetPipelineFunnel;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 项目漏斗 over the whole zone. Baseline: <see cref="FunnelSql"/> (also what the bare HTTP host serves).
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

    private Task<FunnelSql.Figures> FunnelSqlAsync() => FunnelSql.RunAsync(Connection, Today.Year);
}
