using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports.GetBreakdown;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 分渠道 / 分国别 / 分专员 this year: per key, projects, live ones, those signed in the period and their pledges (CNY);
/// per officer also the interactions of the period. Baseline: the rates, one GROUP BY over the projects LEFT JOINed
/// to their enterprise and to each project's signing instant (one GROUP BY over the stage changes instead of the
/// handler's correlated MIN), the interactions grouped by officer and one name lookup.
/// </summary>
public class BreakdownBenchmarks : ReportBenchmark
{
    [Params(BreakdownDimension.Source, BreakdownDimension.Country, BreakdownDimension.Officer)]
    public BreakdownDimension Dimension { get; set; } = BreakdownDimension.Officer; // the --sql probe shows the officer statements, the most

    [Benchmark(Baseline = true), BenchmarkCategory("breakdown")]
    public async Task<long> Breakdown_Sql() => (await BreakdownSqlAsync()).Fen;

    [Benchmark, BenchmarkCategory("breakdown")]
    public async Task<long> Breakdown_Handler() => (await Host.QueryAsync(Manager, new GetBreakdown(ThisYear, Dimension))).Rows.Sum(r => r.SignedPledgedFen);

    protected override async Task Verify()
    {
        foreach (var dimension in Enum.GetValues<BreakdownDimension>())
        {
            var report = await Host.QueryAsync(Manager, new GetBreakdown(ThisYear, dimension));
            var sql = await BreakdownSqlAsync(dimension);
            Same($"{dimension} rows", report.Rows.Count, sql.Rows);
            Same($"{dimension} projects", report.Rows.Sum(r => r.Projects), sql.Projects);
            Same($"{dimension} live", report.Rows.Sum(r => r.LiveProjects), sql.Live);
            Same($"{dimension} signed in period", report.Rows.Sum(r => r.SignedInPeriod), sql.Signed);
            Same($"{dimension} signed pledged fen", report.Rows.Sum(r => r.SignedPledgedFen), sql.Fen);
            Same($"{dimension} interactions", report.Rows.Sum(r => r.Interactions), sql.Interactions);
            Same($"{dimension} named rows", report.Rows.Count(r => r.Label != r.Key), sql.Named);
        }
    }

    private Task<(int Rows, int Projects, int Live, int Signed, long Fen, int Interactions, int Named)> BreakdownSqlAsync() => BreakdownSqlAsync(Dimension);

    private async Task<(int Rows, int Projects, int Live, int Signed, long Fen, int Interactions, int Named)> BreakdownSqlAsync(BreakdownDimension dimension)
    {
        var rates = RatesFor(await RatesAsync(), Today.Year);
        var from = StartUtc(YearStart);
        var to = StartUtc(Today.AddDays(1));
        var key = dimension switch
        {
            BreakdownDimension.Source => "CAST(p.\"Source\" AS TEXT)",
            BreakdownDimension.Country => "e.\"Country\"",
            _ => "CAST(p.\"OwnerId\" AS TEXT)",
        };
        var groups = await ListAsync(
            $"SELECT {key}, CASE WHEN p.\"Stage\" <> 21 AND p.\"Stage\" <> 9 THEN 1 ELSE 0 END, " +
            "CASE WHEN sa.\"SignedAt\" >= @from AND sa.\"SignedAt\" < @to THEN 1 ELSE 0 END, p.\"PledgedInvestmentCurrency\", COUNT(*), COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0) " +
            "FROM \"Projects\" p LEFT JOIN \"Enterprises\" e ON e.\"Id\" = p.\"EnterpriseId\" " +
            $"LEFT JOIN ({SignedAtSql}) sa ON sa.\"ProjectId\" = p.\"Id\" GROUP BY 1, 2, 3, 4",
            r => (Key: (ReadString(r, 0) ?? "").ToUpperInvariant(), Live: r.GetInt32(1) == 1, Signed: r.GetInt32(2) == 1, Currency: ReadString(r, 3), Projects: (int)r.GetInt64(4), Minor: r.GetInt64(5)),
            ("@from", from), ("@to", to));

        var interactions = dimension != BreakdownDimension.Officer ? [] : await ListAsync(
            "SELECT CAST(i.\"ByUserId\" AS TEXT), COUNT(*) FROM \"Interactions\" i WHERE i.\"OccurredAtUtc\" >= @from AND i.\"OccurredAtUtc\" < @to GROUP BY i.\"ByUserId\"",
            r => (Key: r.GetString(0).ToUpperInvariant(), Count: (int)r.GetInt64(1)),
            ("@from", from), ("@to", to));

        var keys = groups.Select(g => g.Key).Union(interactions.Select(i => i.Key)).ToList();
        var named = 0;
        if (dimension == BreakdownDimension.Officer && keys.Count > 0)
        {
            var ids = keys.Select(Guid.Parse).ToList();
            named = (await ListAsync(
                $"SELECT \"Id\", \"DisplayName\", \"UserName\" FROM \"AspNetUsers\" WHERE \"Id\" IN ({string.Join(", ", ids.Select((_, i) => $"@u{i}"))})",
                r => ReadGuid(r, 0),
                [.. ids.Select((id, i) => ($"@u{i}", (object?)id))])).Count;
        }
        else if (dimension != BreakdownDimension.Officer)
        {
            // A source's label is its Chinese name; a country's is its code, or — for none.
            named = dimension == BreakdownDimension.Source ? keys.Count : keys.Count(k => k == "");
        }

        var signed = groups.Where(g => g.Signed).ToList();
        return (
            keys.Count,
            groups.Sum(g => g.Projects),
            groups.Where(g => g.Live).Sum(g => g.Projects),
            signed.Sum(g => g.Projects),
            signed.Sum(g => g.Minor == 0 ? 0 : ToFen(rates, g.Currency, g.Minor) ?? 0),
            interactions.Sum(i => i.Count),
            named);
    }
}
