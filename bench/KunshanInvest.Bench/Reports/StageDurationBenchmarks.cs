using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetStageDurations;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 阶段停留时长 this year: median and p90 (nearest rank) of the stays that ended in the period. Baseline: the window
/// query written out by hand — one LEAD per project's history, the ranks per stage — the one statement the handler
/// sends too, so the ratio is the pipeline's and the raw-SQL mapping's cost.
/// </summary>
public class StageDurationBenchmarks : ReportBenchmark
{
    [Benchmark(Baseline = true), BenchmarkCategory("stage durations")]
    public async Task<long> Durations_Sql() => (await DurationsSqlAsync()).Sum(r => r.Stays);

    [Benchmark, BenchmarkCategory("stage durations")]
    public async Task<long> Durations_Handler() => (await Host.QueryAsync(Manager, new GetStageDurations(ThisYear))).Stages.Sum(s => s.Stays);

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetStageDurations(ThisYear));
        var sql = await DurationsSqlAsync();
        Same("stage rows", report.Stages.Count, sql.Count);
        foreach (var (stage, row) in report.Stages.Zip(sql))
        {
            Same($"stage {row.Stage}", (int)stage.Stage, row.Stage);
            Same($"stays in {row.Stage}", (long)stage.Stays, row.Stays);
            Same($"median of {row.Stage}", stage.MedianDays, row.Median);
            Same($"p90 of {row.Stage}", stage.P90Days, row.P90);
        }
    }

    private Task<List<(int Stage, long Stays, double Median, double P90)>> DurationsSqlAsync()
    {
        var days = IsSqlite
            ? "julianday(\"LeftAt\") - julianday(\"EnteredAt\")"
            : "EXTRACT(EPOCH FROM (\"LeftAt\" - \"EnteredAt\"))::double precision / 86400.0";
        var sql = $"""
            WITH "stays" AS (
                SELECT c."To" AS "Stage", c."AtUtc" AS "EnteredAt",
                       LEAD(c."AtUtc") OVER (PARTITION BY c."ProjectId" ORDER BY c."AtUtc", c."Id") AS "LeftAt"
                FROM "StageChanges" c
            ), "measured" AS (
                SELECT "Stage", {days} AS "Days" FROM "stays"
                WHERE "LeftAt" >= @from AND "LeftAt" < @to AND "Stage" <= 9
            ), "ranked" AS (
                SELECT "Stage", "Days", ROW_NUMBER() OVER (PARTITION BY "Stage" ORDER BY "Days") AS "Rank", COUNT(*) OVER (PARTITION BY "Stage") AS "Total"
                FROM "measured"
            )
            SELECT "Stage", MAX("Total"),
                   MAX(CASE WHEN "Rank" = (50 * "Total" + 99) / 100 THEN "Days" END),
                   MAX(CASE WHEN "Rank" = (90 * "Total" + 99) / 100 THEN "Days" END)
            FROM "ranked" GROUP BY "Stage" ORDER BY "Stage"
            """;
        return ListAsync(sql, r => (r.GetInt32(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3)),
            ("@from", StartUtc(YearStart)), ("@to", StartUtc(Today.AddDays(1))));
    }
}
