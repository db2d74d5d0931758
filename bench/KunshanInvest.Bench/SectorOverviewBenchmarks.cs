using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Sectors.GetSectorOverview;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Bench;

/// <summary>
/// The managers' sector overview over all projects: live and signed counts per sector, pledges summed per sector and
/// currency in SQL, converted to CNY at the year's rates. Baseline: the same four statements by hand.
/// </summary>
public class SectorOverviewBenchmarks : HandlerBenchmark
{
    [Benchmark(Baseline = true), BenchmarkCategory("sector overview")]
    public async Task<long> Overview_Sql()
    {
        var sectors = await ListAsync("SELECT \"Id\", \"Code\", \"NameZh\", \"NameEn\", \"IsActive\" FROM \"Sectors\" ORDER BY \"Code\"", r => ReadGuid(r, 0));
        var live = $"p.\"Stage\" <> {(int)ProjectStage.Lost} AND p.\"SectorId\" IS NOT NULL";
        var counts = await ListAsync(
            $"SELECT p.\"SectorId\", COUNT(*), COUNT(CASE WHEN p.\"Stage\" >= {(int)ProjectStage.Signed} AND p.\"Stage\" <= {(int)ProjectStage.AtCapacity} THEN 1 END) " +
            $"FROM \"Projects\" p WHERE {live} GROUP BY p.\"SectorId\"",
            r => (Sector: ReadGuid(r, 0), Count: r.GetInt64(1), Signed: r.GetInt64(2)));
        var pledges = await ListAsync(
            "SELECT p.\"SectorId\", p.\"PledgedInvestmentCurrency\", SUM(p.\"PledgedInvestmentMinor\") " +
            $"FROM \"Projects\" p WHERE {live} AND p.\"PledgedInvestmentMinor\" IS NOT NULL GROUP BY p.\"SectorId\", p.\"PledgedInvestmentCurrency\"",
            r => (Sector: ReadGuid(r, 0), Currency: r.GetString(1), Minor: r.GetInt64(2)));
        var year = DateTime.UtcNow.AddHours(8).Year;
        var rates = (await ListAsync(
                "SELECT \"Currency\", \"Year\", \"CnyPerUnitMicros\" FROM \"ExchangeRates\"",
                r => (Currency: r.GetString(0), Year: r.GetInt32(1), Micros: r.GetInt64(2))))
            .GroupBy(r => r.Currency)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Year <= year ? 0 : 1).ThenBy(r => Math.Abs(r.Year - year)).First().Micros);
        long total = 0;
        foreach (var pledge in pledges)
        {
            if (pledge.Currency == "CNY")
            {
                total += pledge.Minor;
            }
            else if (rates.TryGetValue(pledge.Currency, out var micros))
            {
                total += ExchangeRate.Convert(pledge.Minor, micros);
            }
        }

        return total + sectors.Count + counts.Count;
    }

    [Benchmark, BenchmarkCategory("sector overview")]
    public async Task<long> Overview_Handler() => (await Host.QueryAsync(Manager, new GetSectorOverview())).TotalPledgedFen;
}
