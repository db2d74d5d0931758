using System.Text;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.ExportProjects;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace KunshanInvest.Application.Tests;

public sealed class ProjectExportTests
{
    private static async Task<(TestDatabase Database, Guid Owner)> SeedAsync(int projects)
    {
        var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("wang.xiao");
        database.User.Id = owner;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var coffee = new Sector("coffee", "咖啡", "Coffee");
        var enterprise = new Enterprise("福斯咖啡", "Fourth Coffee", "US", Ownership.Foreign);
        await using var db = database.NewContext();
        db.AddRange(coffee, enterprise);
        for (var i = 1; i <= projects; i++)
        {
            var project = new InvestmentProject($"KS-2026-{i:00000}", $"项目{i}", SourceChannel.OverseasOffice, owner, now.AddMinutes(-i));
            project.Place(enterprise.Id, coffee.Id, null);
            project.Estimate(i == 1 ? new Money(1_234_500_000, "USD") : null, isMajor: i % 2 == 1);
            if (i == 1)
            {
                project.Pledge(Money.CnyWan(8_000m), null, null, null, null, null);
                project.ScheduleFollowUp(new DateOnly(2026, 7, 15));
            }

            db.Projects.Add(project);
        }

        await db.SaveChangesAsync();
        return (database, owner);
    }

    private static ExportProjectsHandler Handler(TestDatabase database, Infrastructure.Persistence.AppDbContext db, int batchSize = ExportProjectsHandler.DefaultBatchSize) =>
        new(db, database.User, new UserDirectory(db, database.Clock), Options.Create(new StalledOptions()), database.Clock) { BatchSize = batchSize };

    [Fact]
    public async Task The_export_reads_keyset_batches_with_one_query_each_and_names_owners_once()
    {
        var (database, _) = await SeedAsync(25);
        await using var cleanup = database;
        var counter = new StatementCounter();
        using var csv = new MemoryStream();

        await using (var db = database.NewContext(counter))
        {
            var file = await Handler(database, db, batchSize: 10).Handle(new ExportProjects(new ProjectFilter(), ProjectSort.Code, false, ExportFormat.Csv, csv), CancellationToken.None);
            Assert.Equal(25, file.Rows);
            Assert.Equal("项目清单-2026-06-30.csv", file.FileName);
        }

        Assert.Equal(3 + 1, counter.Queries.Count);
        Assert.Equal(3, counter.Queries.Count(q => q.Contains("\"Projects\"", StringComparison.Ordinal)));
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"KS-2026-{i:00000}"), lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task The_xlsx_export_keeps_the_filter_and_writes_the_values_in_chinese()
    {
        var (database, _) = await SeedAsync(4);
        await using var cleanup = database;
        using var xlsx = new MemoryStream();

        await using (var db = database.NewContext())
        {
            var file = await Handler(database, db).Handle(new ExportProjects(new ProjectFilter { Major = true }, ProjectSort.Code, false, ExportFormat.Xlsx, xlsx), CancellationToken.None);
            Assert.Equal((2, "项目清单-2026-06-30.xlsx"), (file.Rows, file.FileName));
        }

        xlsx.Position = 0;
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: ExportProjectsHandler.SheetName, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["KS-2026-00001", "KS-2026-00003"], rows.Select(r => r["项目编号"]));
        var first = rows[0];
        Assert.Equal("福斯咖啡", first["企业"]);
        Assert.Equal("咖啡", first["产业链"]);
        Assert.Equal("线索", first["阶段"]);
        Assert.Equal("驻外招商点", first["来源"]);
        Assert.Equal("wang.xiao", first["负责人"]);
        Assert.Equal(1_234.5, first["预计投资(万元)"]);
        Assert.Equal(8_000d, first["协议投资(万元)"]);
        Assert.Equal("USD/CNY", first["币种"]);
        Assert.Equal(("是", "否"), (first["重大项目"], first["六未"]));
        Assert.Equal(new DateTime(2026, 6, 30, 15, 59, 0), first["最近活动"]);
        Assert.Equal(new DateTime(2026, 7, 15), first["下次跟进"]);
    }
}
