using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Reports;
using KunshanInvest.Application.Reports.GetEventReport;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 活动签约 for 2025 (the reference seed's events; <see cref="ReportData"/> links signed projects to them): each event's
/// recorded signings and their pledges at the rates of the event's year. Baseline: the events, one GROUP BY (event,
/// currency) over the projects of those events, all rates; converted per event year by hand.
/// </summary>
public class EventReportBenchmarks : ReportBenchmark
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);
    private static readonly ReportFilter Year2025 = new() { From = From, To = To };

    [Benchmark(Baseline = true), BenchmarkCategory("events")]
    public async Task<long> Events_Sql() => (await EventsSqlAsync()).Fen;

    [Benchmark, BenchmarkCategory("events")]
    public async Task<long> Events_Handler() => (await Host.QueryAsync(Manager, new GetEventReport(Year2025))).TotalPledgedFen;

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetEventReport(Year2025));
        var sql = await EventsSqlAsync();
        Same("events", report.Events.Count, sql.Events);
        Same("recorded projects", report.TotalProjects, sql.Projects);
        Same("recorded pledged fen", report.TotalPledgedFen, sql.Fen);
        if (sql.Projects == 0)
        {
            throw new InvalidOperationException("No project is linked to a 2025 event: the event report would measure nothing.");
        }
    }

    private async Task<(int Events, int Projects, long Fen)> EventsSqlAsync()
    {
        const string InPeriod = "\"StartsOn\" >= @from AND \"StartsOn\" <= @to";
        var events = await ListAsync(
            $"SELECT \"Id\", \"Code\", \"NameZh\", \"NameEn\", \"StartsOn\", \"AnnouncedProjects\", \"AnnouncedInvestmentFen\" FROM \"Events\" WHERE {InPeriod} ORDER BY \"StartsOn\", \"Code\"",
            r => (Id: ReadGuid(r, 0), Year: ReadDate(r, 4).Year),
            ("@from", From), ("@to", To));
        var signings = await ListAsync(
            "SELECT p.\"EventId\", p.\"PledgedInvestmentCurrency\", COUNT(*), COALESCE(SUM(p.\"PledgedInvestmentMinor\"), 0) FROM \"Projects\" p " +
            $"WHERE p.\"EventId\" IN (SELECT \"Id\" FROM \"Events\" WHERE {InPeriod}) GROUP BY p.\"EventId\", p.\"PledgedInvestmentCurrency\"",
            r => (Event: ReadGuid(r, 0), Currency: ReadString(r, 1), Projects: (int)r.GetInt64(2), Minor: r.GetInt64(3)),
            ("@from", From), ("@to", To));
        var rates = await RatesAsync();
        var byYear = events.Select(e => e.Year).Distinct().ToDictionary(y => y, y => RatesFor(rates, y));
        var yearOf = events.ToDictionary(e => e.Id, e => e.Year);
        return (
            events.Count,
            signings.Sum(s => s.Projects),
            signings.Sum(s => s.Minor == 0 ? 0 : ToFen(byYear[yearOf[s.Event]], s.Currency, s.Minor) ?? 0));
    }
}
