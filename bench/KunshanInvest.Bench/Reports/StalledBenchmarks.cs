using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Reports.GetStalledProjects;
using KunshanInvest.Domain.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// 六未 now over the whole zone: counts per stage and the 200 projects longest in their stage with days overdue and
/// owner names. Baseline: the sectors' own limits, the predicate written out (per overriding sector, then the
/// configured defaults), one GROUP BY, one ordered page joined to the sectors, one name lookup.
/// </summary>
public class StalledBenchmarks : ReportBenchmark
{
    private static readonly int[] SixStages = [3, 4, 5, 6, 7, 8];
    private StalledOptions _defaults = null!;

    [Benchmark(Baseline = true), BenchmarkCategory("stalled (六未)")]
    public async Task<long> Stalled_Sql() => (await StalledSqlAsync()).Total;

    [Benchmark, BenchmarkCategory("stalled (六未)")]
    public async Task<long> Stalled_Handler() => (await Host.QueryAsync(Manager, new GetStalledProjects(ThisYear))).Total;

    /// <summary>The configured default limits (configuration, not computation: both sides read the same options).</summary>
    protected override void SetupReport() => _defaults = Host.Services.GetRequiredService<IOptions<StalledOptions>>().Value;

    protected override async Task Verify()
    {
        var report = await Host.QueryAsync(Manager, new GetStalledProjects(ThisYear));
        var sql = await StalledSqlAsync();
        Same("stalled projects", report.Total, sql.Total);
        Same("listed", report.Items.Count, sql.Items);
        Same("days overdue of the listed", report.Items.Sum(i => (long)i.DaysOverdue), sql.Overdue);
        Same("owners named", report.Items.Count(i => i.OwnerName is not null), sql.Named);
    }

    private async Task<(int Total, int Items, long Overdue, int Named)> StalledSqlAsync()
    {
        var now = DateTime.UtcNow;
        var overrides = await ListAsync(
            "SELECT \"Id\", \"SignedDays\", \"RegisteredDays\", \"LandSecuredDays\", \"UnderConstructionDays\", \"OperatingDays\", \"AboveScaleDays\" FROM \"Sectors\" " +
            "WHERE \"SignedDays\" IS NOT NULL OR \"RegisteredDays\" IS NOT NULL OR \"LandSecuredDays\" IS NOT NULL OR \"UnderConstructionDays\" IS NOT NULL " +
            "OR \"OperatingDays\" IS NOT NULL OR \"AboveScaleDays\" IS NOT NULL",
            r => (Id: ReadGuid(r, 0), Days: Enumerable.Range(1, 6).Select(i => r.IsDBNull(i) ? (int?)null : r.GetInt32(i)).ToArray()));
        int[] defaults = [_defaults.SignedDays, _defaults.RegisteredDays, _defaults.LandSecuredDays, _defaults.UnderConstructionDays, _defaults.OperatingDays, _defaults.AboveScaleDays];
        var limits = overrides.ToDictionary(o => o.Id, o => o.Days.Select((d, i) => d ?? defaults[i]).ToArray());

        var parameters = new List<(string, object?)>();
        string Clauses(int[] days)
        {
            var clauses = SixStages.Select((stage, i) =>
            {
                parameters.Add(($"@c{parameters.Count}", now.AddDays(-days[i])));
                return $"(p.\"Stage\" = {stage} AND p.\"StageEnteredAtUtc\" < @c{parameters.Count - 1})";
            });
            return "(" + string.Join(" OR ", clauses) + ")";
        }

        var where = new StringBuilder("(");
        foreach (var (sector, days) in limits)
        {
            parameters.Add(($"@s{parameters.Count}", sector));
            where.Append(CultureInfo.InvariantCulture, $"(p.\"SectorId\" = @s{parameters.Count - 1} AND {Clauses(days)}) OR ");
        }

        var others = string.Concat(limits.Keys.Select(sector =>
        {
            parameters.Add(($"@s{parameters.Count}", sector));
            return $" AND p.\"SectorId\" <> @s{parameters.Count - 1}";
        }));
        where.Append(limits.Count == 0 ? $"{Clauses(defaults)})" : $"((p.\"SectorId\" IS NULL OR (1 = 1{others})) AND {Clauses(defaults)}))");

        var counts = await ListAsync($"SELECT p.\"Stage\", COUNT(*) FROM \"Projects\" p WHERE {where} GROUP BY p.\"Stage\"", r => (int)r.GetInt64(1), [.. parameters]);
        var rows = await ListAsync(
            "SELECT p.\"Id\", p.\"Code\", p.\"Name\", p.\"Stage\", p.\"SectorId\", p.\"OwnerId\", p.\"StageEnteredAtUtc\", p.\"BlockingIssues\", s.\"NameZh\", s.\"NameEn\" " +
            $"FROM \"Projects\" p LEFT JOIN \"Sectors\" s ON s.\"Id\" = p.\"SectorId\" WHERE {where} ORDER BY p.\"StageEnteredAtUtc\", p.\"Code\" LIMIT 200",
            r => (Stage: r.GetInt32(3), Sector: ReadNullableGuid(r, 4), Owner: ReadGuid(r, 5), Entered: ReadInstant(r, 6)),
            [.. parameters]);

        var owners = rows.Select(r => r.Owner).Distinct().ToList();
        var names = owners.Count == 0 ? [] : await ListAsync(
            $"SELECT \"Id\", \"DisplayName\", \"UserName\" FROM \"AspNetUsers\" WHERE \"Id\" IN ({string.Join(", ", owners.Select((_, i) => $"@u{i}"))})",
            r => (Id: ReadGuid(r, 0), Name: ReadString(r, 1) is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name : ReadString(r, 2) ?? "?"),
            [.. owners.Select((o, i) => ($"@u{i}", (object?)o))]);
        var named = names.Select(n => n.Id).ToHashSet();

        long overdue = 0;
        foreach (var row in rows)
        {
            var days = row.Sector is { } s && limits.TryGetValue(s, out var own) ? own : defaults;
            overdue += (int)Math.Floor((now - row.Entered).TotalDays) - days[row.Stage - (int)ProjectStage.Signed];
        }

        return (counts.Sum(), rows.Count, overdue, rows.Count(r => named.Contains(r.Owner)));
    }
}
