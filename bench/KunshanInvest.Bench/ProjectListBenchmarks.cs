using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.ListProjects;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Bench;

/// <summary>
/// The project list, filtered (every stage but 流失, not major; ~80% of the rows), newest activity first, 50 a page:
/// page 1, and page 1000 reached with a keyset cursor. Baseline: the same three statements by hand — count, the
/// page with its joins, the owners' names.
/// </summary>
public class ProjectListBenchmarks : HandlerBenchmark
{
    private const int PageSize = 50;
    private static readonly ProjectStage[] Stages = [.. Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Lost)];
    private static readonly ProjectFilter Filter = new() { Stages = Stages, Major = false };
    private static readonly string Where = $"p.\"Stage\" IN ({string.Join(", ", Stages.Select(s => (int)s))}) AND p.\"IsMajor\" = @major";

    private string _cursor = "";
    private DateTime _afterActivity;
    private string _afterCode = "";

    protected override void Setup()
    {
        // The last row of page 999, as the list would have encoded it into the cursor of page 1000 (or of the last
        // full page, on a database too small to have 1000).
        var rows = Single($"SELECT COUNT(*) FROM \"Projects\" p WHERE {Where}", r => r.GetInt64(0), ("@major", false));
        var offset = Math.Min((999 * PageSize) - 1, rows - PageSize - 1);
        (_afterActivity, _afterCode) = Single(
            $"SELECT p.\"LastActivityAtUtc\", p.\"Code\" FROM \"Projects\" p WHERE {Where} ORDER BY p.\"LastActivityAtUtc\" DESC, p.\"Code\" DESC LIMIT 1 OFFSET {offset}",
            r => (ReadInstant(r, 0), r.GetString(1)),
            ("@major", false));
        _cursor = new Cursor(nameof(ProjectSort.LastActivity), _afterActivity.Ticks.ToString(CultureInfo.InvariantCulture), _afterCode).Encode();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("list page 1")]
    public Task<int> Page1_Sql() => PageSqlAsync(keyset: false);

    [Benchmark, BenchmarkCategory("list page 1")]
    public async Task<int> Page1_Handler() => (await Host.QueryAsync(Officer, new ListProjects(Filter, PageSize: PageSize))).Items.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("list page 1000")]
    public Task<int> Page1000_Sql() => PageSqlAsync(keyset: true);

    [Benchmark, BenchmarkCategory("list page 1000")]
    public async Task<int> Page1000_Handler() => (await Host.QueryAsync(Officer, new ListProjects(Filter, Cursor: _cursor, PageSize: PageSize))).Items.Count;

    private async Task<int> PageSqlAsync(bool keyset)
    {
        int total;
        await using (var count = Command($"SELECT COUNT(*) FROM \"Projects\" p WHERE {Where}", ("@major", false)))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var seek = keyset ? " AND (p.\"LastActivityAtUtc\" < @at OR (p.\"LastActivityAtUtc\" = @at AND p.\"Code\" < @code))" : "";
        var rows = await ListAsync(
            "SELECT p.\"Id\", p.\"Code\", p.\"Name\", p.\"Stage\", p.\"EnterpriseId\", e.\"NameZh\", e.\"NameEn\", p.\"SectorId\", s.\"Code\", s.\"NameZh\", " +
            "p.\"ParkId\", k.\"NameZh\", p.\"Source\", p.\"OwnerId\", p.\"EstimatedInvestmentMinor\", p.\"EstimatedInvestmentCurrency\", " +
            "p.\"PledgedInvestmentMinor\", p.\"PledgedInvestmentCurrency\", p.\"IsMajor\", p.\"StageEnteredAtUtc\", p.\"LastActivityAtUtc\", " +
            "p.\"NextFollowUpOn\", p.\"CreatedAtUtc\", s.\"SignedDays\", s.\"RegisteredDays\", s.\"LandSecuredDays\", s.\"UnderConstructionDays\", " +
            "s.\"OperatingDays\", s.\"AboveScaleDays\" " +
            "FROM \"Projects\" p LEFT JOIN \"Enterprises\" e ON e.\"Id\" = p.\"EnterpriseId\" LEFT JOIN \"Sectors\" s ON s.\"Id\" = p.\"SectorId\" " +
            "LEFT JOIN \"Parks\" k ON k.\"Id\" = p.\"ParkId\" " +
            $"WHERE {Where}{seek} ORDER BY p.\"LastActivityAtUtc\" DESC, p.\"Code\" DESC LIMIT {PageSize + 1}",
            Row,
            ("@major", false), ("@at", _afterActivity), ("@code", _afterCode));
        var owners = rows.Select(r => r.OwnerId).Distinct().ToList();
        var names = await ListAsync(
            $"SELECT \"Id\", \"DisplayName\" FROM \"AspNetUsers\" WHERE \"Id\" IN ({string.Join(", ", owners.Select((_, i) => $"@o{i}"))})",
            r => (ReadGuid(r, 0), r.GetString(1)),
            [.. owners.Select((o, i) => ($"@o{i}", (object?)o))]);
        return Math.Min(rows.Count, PageSize) + (total > 0 && names.Count > 0 ? 0 : 1);
    }

    private static ListRow Row(DbDataReader r) => new(
        ReadGuid(r, 0), r.GetString(1), r.GetString(2), r.GetInt32(3), ReadNullableGuid(r, 4), ReadString(r, 5), ReadString(r, 6),
        ReadNullableGuid(r, 7), ReadString(r, 8), ReadString(r, 9), ReadNullableGuid(r, 10), ReadString(r, 11), r.GetInt32(12), ReadGuid(r, 13),
        ReadNullableLong(r, 14), ReadString(r, 15), ReadNullableLong(r, 16), ReadString(r, 17), r.GetBoolean(18),
        ReadInstant(r, 19), ReadInstant(r, 20), ReadText(r, 21), ReadInstant(r, 22));

    private sealed record ListRow(
        Guid Id, string Code, string Name, int Stage, Guid? EnterpriseId, string? EnterpriseZh, string? EnterpriseEn,
        Guid? SectorId, string? SectorCode, string? SectorZh, Guid? ParkId, string? ParkZh, int Source, Guid OwnerId,
        long? EstimatedMinor, string? EstimatedCurrency, long? PledgedMinor, string? PledgedCurrency, bool IsMajor,
        DateTime StageEnteredAtUtc, DateTime LastActivityAtUtc, string? NextFollowUpOn, DateTime CreatedAtUtc);
}
