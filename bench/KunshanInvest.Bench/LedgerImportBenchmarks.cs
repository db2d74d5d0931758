using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Bench;

/// <summary>
/// 台账导入 of 5,000 projects (each signed with its date, in a sector and park, with a year of figures: 到位资金, 税收, 用工)
/// on a fresh SQLite database, through the real pipeline: the preview (read, check, resolve) and the confirmed import
/// (the same plus one SaveChanges of ~5,000 projects, 10,000 stage changes, 15,000 verified figures and their audit
/// entries). The budget is 30 s for 5,000 rows (issue 16); docs/performance.md records the measured figure. One
/// invocation per iteration: each import writes new codes, so the database grows by one ledger per invocation.
/// </summary>
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1)]
public class LedgerImportBenchmarks
{
    public const int Rows = 5000;

    private static readonly string Folder = Path.Combine(BenchDatabase.RepositoryRoot, "artifacts", "bench");
    private string _file = "";
    private BenchHost _host = null!;
    private BenchUser _manager = null!;
    private byte[] _ledger = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Folder);
        _file = Path.Combine(Folder, $"ledger-{Guid.NewGuid():N}.db");
        _host = BenchHost.Create($"Data Source={_file}");
        _host.MigrateAsync().GetAwaiter().GetResult();
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var manager = new AppUser { UserName = "bench-manager", NormalizedUserName = "BENCH-MANAGER", Email = "bench-manager@test", DisplayName = "bench-manager" };
        db.Users.Add(manager);
        db.Sectors.Add(new Sector("coffee", "咖啡", "Coffee"));
        db.Parks.Add(new Park("kdz", "昆山开发区", "Kunshan Development Zone", null));
        db.SaveChanges();
        _manager = BenchUser.Manager(manager.Id);
    }

    [IterationSetup]
    public void NextLedger() => _ledger = Ledger($"R{++_round:00}");

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Folder, Path.GetFileName(_file) + "*"))
        {
            File.Delete(file);
        }
    }

    [Benchmark, BenchmarkCategory("ledger 5,000 rows")]
    public async Task<int> Preview() => (await _host.CommandAsync(_manager, new PreviewLedger(_ledger, "台账.xlsx"))).Rows;

    [Benchmark, BenchmarkCategory("ledger 5,000 rows")]
    public async Task<int> Import() => (await _host.CommandAsync(_manager, new ImportLedger(_ledger, "台账.xlsx"))).NewProjects;

    /// <summary>5,000 ledger rows of distinct new enterprises, and a 2025 figure row for each.</summary>
    public static byte[] Ledger(string round)
    {
        var projects = Enumerable.Range(1, Rows).Select(i => new Dictionary<string, object?>
        {
            [LedgerColumns.Code] = $"BL-{round}-{i:00000}",
            [LedgerColumns.Name] = $"台账项目 {round}-{i}",
            [LedgerColumns.Enterprise] = $"台账企业{round}-{i}（昆山）有限公司",
            [LedgerColumns.Sector] = "coffee",
            [LedgerColumns.Park] = "kdz",
            [LedgerColumns.Source] = "展会",
            [LedgerColumns.Investment] = 1000d + i,
            [LedgerColumns.Stage] = "签约",
            [LedgerColumns.SignedOn] = new DateTime(2024, 1 + (i % 12), 1 + (i % 28)),
        }).ToList();
        var figures = Enumerable.Range(1, Rows).Select(i => new Dictionary<string, object?>
        {
            [LedgerColumns.Project] = $"BL-{round}-{i:00000}",
            [LedgerColumns.Year] = 2025d,
            [LedgerColumns.FundsInPlace] = 100d + i,
            [LedgerColumns.TaxPaid] = 10d,
            [LedgerColumns.Jobs] = 50d,
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [LedgerColumns.LedgerSheet] = projects, [LedgerColumns.FiguresSheet] = figures }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
