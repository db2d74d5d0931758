using System.IO.Compression;
using System.Text;
using FluentValidation;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KunshanInvest.Application.Tests;

/// <summary>Builds ledger workbooks in the template's layout for the tests.</summary>
internal static class LedgerBook
{
    public static Dictionary<string, object?> Project(
        string? code, string name, string? creditCode = null, string? enterprise = null, string? stage = null, string sector = "coffee", string park = "kdz",
        string? owner = "officer", double? investment = 5000, string? currency = null, string? signedOn = null, string? registeredOn = null,
        string? productionOn = null, string? constructionOn = null, string? companyCode = null) => new()
        {
            [LedgerColumns.Code] = code,
            [LedgerColumns.Name] = name,
            [LedgerColumns.CreditCode] = creditCode,
            [LedgerColumns.Enterprise] = enterprise,
            [LedgerColumns.Sector] = sector,
            [LedgerColumns.Park] = park,
            [LedgerColumns.Owner] = owner,
            [LedgerColumns.Source] = "展会",
            [LedgerColumns.Investment] = investment,
            [LedgerColumns.Currency] = currency,
            [LedgerColumns.Stage] = stage,
            [LedgerColumns.SignedOn] = signedOn,
            [LedgerColumns.RegisteredOn] = registeredOn,
            [LedgerColumns.ConstructionOn] = constructionOn,
            [LedgerColumns.ProductionOn] = productionOn,
            [LedgerColumns.CompanyCreditCode] = companyCode,
        };

    public static Dictionary<string, object?> Figures(string project, object year, object? funds = null, object? tax = null, object? jobs = null, string? currency = null, object? month = null) => new()
    {
        [LedgerColumns.Project] = project,
        [LedgerColumns.Year] = year,
        [LedgerColumns.Month] = month,
        [LedgerColumns.FundsInPlace] = funds,
        [LedgerColumns.FundsCurrency] = currency,
        [LedgerColumns.TaxPaid] = tax,
        [LedgerColumns.Jobs] = jobs,
    };

    public static byte[] Build(IEnumerable<Dictionary<string, object?>> projects, IEnumerable<Dictionary<string, object?>>? figures = null)
    {
        var sheets = new Dictionary<string, object> { [LedgerColumns.LedgerSheet] = projects.ToList() };
        if (figures is not null)
        {
            sheets[LedgerColumns.FiguresSheet] = figures.ToList();
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The workbook with the first worksheet's XML rewritten (to plant a formula or a merged range).</summary>
    public static byte[] RewriteFirstSheet(byte[] xlsx, Func<string, string> rewrite)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    text = rewrite(text);
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    public static string CreditCodeFor(string first17) => first17 + CreditCode.CheckCharacter(first17);
}

public sealed class LedgerImportTests
{
    private static readonly string Code1 = LedgerBook.CreditCodeFor("91320583MA1LDG001");
    private static readonly string Code2 = LedgerBook.CreditCodeFor("91320583MA1LDG002");

    private sealed class Scenario : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Guid ManagerId { get; init; }
        public required Guid OfficerId { get; init; }
        public required Guid LuckinId { get; init; }

        public static async Task<Scenario> CreateAsync()
        {
            var database = await TestDatabase.CreateAsync();
            var manager = await database.AddUserAsync("manager");
            var officer = await database.AddUserAsync("officer");
            await using var db = database.NewContext();
            var role = new AppRole { Name = Roles.Officer, NormalizedName = Roles.Officer.ToUpperInvariant() };
            db.Roles.Add(role);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = officer, RoleId = role.Id });
            db.Sectors.Add(new Sector("coffee", "咖啡", "Coffee"));
            db.Parks.Add(new Park("kdz", "昆山开发区", "Kunshan Development Zone", null));
            db.ExchangeRates.Add(new ExchangeRate(2025, "USD", 7_180_000));
            var luckin = new Enterprise("瑞幸", "Luckin Coffee", "CN", Ownership.Domestic);
            db.Enterprises.Add(luckin);
            db.EnterpriseAliases.Add(new EnterpriseAlias(luckin.Id, "瑞幸咖啡", AliasKind.Brand));
            await db.SaveChangesAsync();
            database.User = TestUser.As("manager", Roles.Manager);
            database.User.Id = manager;
            return new Scenario { Database = database, ManagerId = manager, OfficerId = officer, LuckinId = luckin.Id };
        }

        public async Task<LedgerImportResult> PreviewAsync(byte[] file, IProgress<LedgerProgress>? progress = null)
        {
            await using var db = Database.NewContext();
            return await new PreviewLedgerHandler(db, new UserDirectory(db, Database.Clock), Database.Allocator(db), Database.Clock)
                .Handle(new PreviewLedger(file, "台账.xlsx", progress), CancellationToken.None);
        }

        public async Task<LedgerImportResult> ImportAsync(byte[] file, AppDbContext? context = null)
        {
            await using var owned = context is null ? Database.NewContext() : null;
            var db = context ?? owned!;
            return await new ImportLedgerHandler(db, Database.User, new UserDirectory(db, Database.Clock), Database.Allocator(db), Database.Clock)
                .Handle(new ImportLedger(file, "台账.xlsx"), CancellationToken.None);
        }

        public async Task<(int Projects, int Enterprises, int Figures, int Milestones, int Changes)> CountsAsync()
        {
            await using var db = Database.NewContext();
            return (await db.Projects.CountAsync(), await db.Enterprises.CountAsync(), await db.FigureEntries.CountAsync(), await db.Milestones.CountAsync(), await db.StageChanges.CountAsync());
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static List<string> Codes(LedgerImportResult result, int row, string sheet = LedgerColumns.LedgerSheet) =>
        [.. result.Items.Single(i => i.Sheet == sheet && i.Row == row).Errors.Select(e => e.Code)];

    [Fact]
    public async Task The_preview_names_each_rows_errors_by_catalogue_code_in_both_languages_and_writes_nothing()
    {
        await using var scenario = await Scenario.CreateAsync();
        var before = await scenario.CountsAsync();
        var file = LedgerBook.Build(
            [
                LedgerBook.Project("L-1", "重复编号一", enterprise: "甲公司"),
                LedgerBook.Project("L-1", "重复编号二", enterprise: "乙公司"),
                LedgerBook.Project("L-3", "未知产业链", enterprise: "丙公司", sector: "quantum"),
                LedgerBook.Project("L-4", "未知载体", enterprise: "丁公司", park: "moon"),
                LedgerBook.Project("L-5", "未知负责人", enterprise: "戊公司", owner: "nobody"),
                LedgerBook.Project("L-6", "坏日期", enterprise: "己公司", stage: "签约", signedOn: "2021-02-30"),
                LedgerBook.Project("L-7", "日期倒序", enterprise: "庚公司", stage: "注册", signedOn: "2022-05-01", registeredOn: "2021-01-01", companyCode: Code1),
                LedgerBook.Project("L-8", "无汇率", enterprise: "辛公司", investment: 100d, currency: "EUR"),
                LedgerBook.Project("L-9", "好的一行", enterprise: "壬公司"),
            ],
            [
                LedgerBook.Figures("L-9", 2027, tax: 10d),
                LedgerBook.Figures("L-9", 2024, funds: 10d, currency: "EUR"),
                LedgerBook.Figures("L-9", 2025, funds: 10d, currency: "USD"),
            ]);

        var result = await scenario.PreviewAsync(file);

        Assert.False(result.Confirmed);
        Assert.Equal(["ledger.code_duplicate"], Codes(result, 2));
        Assert.Equal(["ledger.code_duplicate"], Codes(result, 3));
        Assert.Equal(["ledger.sector_unknown"], Codes(result, 4));
        Assert.Equal(["ledger.park_unknown"], Codes(result, 5));
        Assert.Equal(["ledger.owner_unknown"], Codes(result, 6));
        Assert.Contains("ledger.date", Codes(result, 7));
        Assert.Contains("ledger.date_order", Codes(result, 8));
        Assert.Equal(["ledger.no_rate"], Codes(result, 9));
        Assert.Empty(Codes(result, 10));
        Assert.Equal(["ledger.figure_future"], Codes(result, 2, LedgerColumns.FiguresSheet));
        Assert.Equal(["ledger.no_rate"], Codes(result, 3, LedgerColumns.FiguresSheet));
        Assert.Empty(Codes(result, 4, LedgerColumns.FiguresSheet));
        var error = result.Items.Single(i => i.Row == 9).Errors.Single();
        Assert.Equal(LedgerColumns.Currency, error.Column);
        Assert.Contains("EUR", error.Zh, StringComparison.Ordinal);
        Assert.Contains("rate", error.En, StringComparison.Ordinal);
        Assert.Equal(LedgerAction.Create, result.Items.Single(i => i.Row == 10).Action);
        Assert.Equal(before, await scenario.CountsAsync());
    }

    [Fact]
    public async Task A_confirmed_ledger_with_one_bad_row_saves_nothing_at_all()
    {
        await using var scenario = await Scenario.CreateAsync();
        var before = await scenario.CountsAsync();
        var file = LedgerBook.Build(
            [LedgerBook.Project("L-1", "好项目", enterprise: "新企业甲"), LedgerBook.Project("L-2", "坏项目", enterprise: "新企业乙", sector: "nope")],
            [LedgerBook.Figures("L-1", 2025, tax: 10d)]);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => scenario.ImportAsync(file));

        Assert.Contains(refused.Errors, e => e.PropertyName == "台账[3].产业链" && e.ErrorCode == "ledger.sector_unknown");
        Assert.Equal(before, await scenario.CountsAsync());
    }

    [Fact]
    public async Task Confirming_creates_projects_with_dated_history_milestones_and_verified_imported_figures_in_one_save()
    {
        await using var scenario = await Scenario.CreateAsync();
        var file = LedgerBook.Build(
            [LedgerBook.Project("TZ-2021-001", "瑞幸烘焙基地", enterprise: "瑞幸咖啡（中国）有限公司", stage: "投产", signedOn: "2021-03-01", registeredOn: "2021-05-10", constructionOn: "2021-09-01", productionOn: "2023-01-08", companyCode: Code1)],
            [LedgerBook.Figures("TZ-2021-001", 2024, funds: 1200d, tax: 80d, jobs: 150d), LedgerBook.Figures("瑞幸烘焙基地", 2025, funds: 100d, currency: "USD")]);

        var saves = new SaveCounter();
        await using var context = scenario.Database.NewContext(saves);
        var result = await scenario.ImportAsync(file, context);

        Assert.True(result.Confirmed);
        Assert.Equal((1, 0, 0, 4, 3), (result.NewProjects, result.UpdatedProjects, result.NewEnterprises, result.FiguresImported, result.MilestonesImported));
        Assert.Equal(LedgerEnterpriseMatch.Alias, result.Items[0].EnterpriseMatch);
        Assert.Equal(1, saves.Saves);

        await using var db = scenario.Database.NewContext();
        var project = await db.Projects.Include(p => p.StageChanges).SingleAsync(p => p.Code == "TZ-2021-001");
        Assert.Equal((scenario.LuckinId, ProjectStage.Operating, scenario.OfficerId), (project.EnterpriseId!.Value, project.Stage, project.OwnerId));
        Assert.Equal(new DateTime(2023, 1, 8, 4, 0, 0, DateTimeKind.Utc), project.StageEnteredAtUtc);
        Assert.Equal(
            [(ProjectStage.Lead, new DateOnly(2021, 3, 1)), (ProjectStage.Signed, new DateOnly(2021, 3, 1)), (ProjectStage.Registered, new DateOnly(2021, 5, 10)), (ProjectStage.UnderConstruction, new DateOnly(2021, 9, 1)), (ProjectStage.Operating, new DateOnly(2023, 1, 8))],
            project.StageChanges.OrderBy(c => c.AtUtc).ThenBy(c => c.To).Select(c => (c.To, DateOnly.FromDateTime(c.AtUtc))));
        Assert.Equal(Code1, project.ProjectCompanyCreditCode);

        var milestones = await db.Milestones.Where(m => m.ProjectId == project.Id).OrderBy(m => m.Kind).ToListAsync();
        Assert.Equal([MilestoneKind.Registered, MilestoneKind.ConstructionStarted, MilestoneKind.ProductionStarted], milestones.Select(m => m.Kind));
        Assert.Equal(Code1, milestones[0].CreditCode);

        var figures = await db.FigureEntries.Where(f => f.ProjectId == project.Id).OrderBy(f => f.Period).ThenBy(f => f.Kind).ToListAsync();
        Assert.All(figures, f => Assert.Equal((FigureStatus.Verified, true, scenario.ManagerId), (f.Status, f.IsImported, f.CheckedById!.Value)));
        Assert.Equal(
            [(202412, FigureKind.FundsInPlace, 12_000_000_00L), (202412, FigureKind.TaxPaid, 800_000_00L), (202412, FigureKind.Jobs, 150L), (202512, FigureKind.FundsInPlace, 7_180_000_00L)],
            figures.Select(f => (f.Period, f.Kind, f.Value)));
        Assert.Contains("2024 年全年", figures[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_import_updates_by_code_moves_forward_keeps_same_figures_and_supersedes_changed_ones()
    {
        await using var scenario = await Scenario.CreateAsync();
        await scenario.ImportAsync(LedgerBook.Build(
            [LedgerBook.Project("TZ-1", "升级项目", enterprise: "升级企业", stage: "签约", signedOn: "2024-04-01")],
            [LedgerBook.Figures("TZ-1", 2024, funds: 100d, tax: 5d)]));
        var before = await scenario.CountsAsync();

        var result = await scenario.ImportAsync(LedgerBook.Build(
            [LedgerBook.Project("TZ-1", "升级项目(改名)", enterprise: "升级企业", stage: "注册", signedOn: "2024-04-01", registeredOn: "2024-06-01", companyCode: Code2)],
            [LedgerBook.Figures("TZ-1", 2024, funds: 100d, tax: 6d)]));

        Assert.Equal((0, 1, 0), (result.NewProjects, result.UpdatedProjects, result.NewEnterprises));
        var after = await scenario.CountsAsync();
        Assert.Equal((before.Projects, before.Enterprises, before.Figures + 1, before.Changes + 1), (after.Projects, after.Enterprises, after.Figures, after.Changes));
        await using var db = scenario.Database.NewContext();
        var project = await db.Projects.SingleAsync(p => p.Code == "TZ-1");
        Assert.Equal(("升级项目(改名)", ProjectStage.Registered), (project.Name, project.Stage));
        var tax = await db.FigureEntries.Where(f => f.ProjectId == project.Id && f.Kind == FigureKind.TaxPaid).OrderBy(f => f.EnteredAtUtc).ThenBy(f => f.Value).ToListAsync();
        Assert.Equal([(FigureStatus.Superseded, 5_000_000L), (FigureStatus.Verified, 6_000_000L)], tax.Select(f => (f.Status, f.Value)));
        Assert.Equal(tax[0].Id, tax[1].SupersedesId);

        var backwards = await scenario.PreviewAsync(LedgerBook.Build([LedgerBook.Project("TZ-1", "升级项目(改名)", enterprise: "升级企业", stage: "洽谈")]));
        Assert.Equal(["ledger.stage_backward"], Codes(backwards, 2));
    }

    [Fact]
    public async Task Without_a_code_a_row_updates_the_project_of_the_same_enterprise_and_name()
    {
        await using var scenario = await Scenario.CreateAsync();
        Guid existingId;
        await using (var db = scenario.Database.NewContext())
        {
            var enterprise = new Enterprise("信用代码企业", null, "CN", Ownership.Domestic);
            enterprise.SetCreditCode(Code2);
            db.Enterprises.Add(enterprise);
            var project = new InvestmentProject("KS-2025-00077", "老项目", SourceChannel.Expo, scenario.OfficerId, scenario.Database.Clock.GetUtcNow().UtcDateTime);
            project.Place(enterprise.Id, null, null);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            existingId = project.Id;
        }

        var file = LedgerBook.Build([LedgerBook.Project(null, "老项目", creditCode: Code2, enterprise: "另一个写法的名字"), LedgerBook.Project(null, "新项目", creditCode: Code2)]);
        var result = await scenario.ImportAsync(file);

        Assert.Equal([LedgerAction.Update, LedgerAction.Create], result.Items.Where(i => i.Sheet == LedgerColumns.LedgerSheet).Select(i => i.Action));
        Assert.Equal([LedgerEnterpriseMatch.CreditCode, LedgerEnterpriseMatch.CreditCode], result.Items.Where(i => i.Sheet == LedgerColumns.LedgerSheet).Select(i => i.EnterpriseMatch));
        Assert.Equal(existingId, result.Items[0].ProjectId);
        await using var read = scenario.Database.NewContext();
        var created = await read.Projects.SingleAsync(p => p.Name == "新项目");
        Assert.StartsWith("KS-2026-", created.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formulas_merged_cells_and_zip_bombs_are_refused_as_a_file_error_before_any_row_is_read()
    {
        await using var scenario = await Scenario.CreateAsync();
        var good = LedgerBook.Build([LedgerBook.Project("L-1", "项目", enterprise: "甲")]);
        var formula = LedgerBook.RewriteFirstSheet(good, xml => ReplaceFirst(xml, "</x:row>", "<x:c r=\"Z1\"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>"));
        var merged = LedgerBook.RewriteFirstSheet(good, xml => ReplaceFirst(xml, "</x:sheetData>", "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A2:A3\"/></x:mergeCells>"));
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 140; i++)
            {
                entry.Write(zeros);
            }
        }

        foreach (var (file, code) in new[] { (formula, "ledger.formula"), (merged, "ledger.merged"), (bomb.ToArray(), "import.unpacks_too_large") })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => scenario.PreviewAsync(file));
            var failure = Assert.Single(refused.Errors);
            Assert.Equal(("file", code), (failure.PropertyName, failure.ErrorCode));
        }

        static string ReplaceFirst(string text, string what, string with)
        {
            var at = text.IndexOf(what, StringComparison.Ordinal);
            return text[..at] + with + text[(at + what.Length)..];
        }
    }

    [Fact]
    public async Task The_preview_reports_its_progress_to_the_end()
    {
        await using var scenario = await Scenario.CreateAsync();
        var seen = new List<LedgerProgress>();
        var file = LedgerBook.Build(Enumerable.Range(1, 600).Select(i => LedgerBook.Project($"P-{i}", $"项目{i}", enterprise: $"企业{i}")));

        var result = await scenario.PreviewAsync(file, new SynchronousProgress(seen));

        Assert.Equal(0, result.RowsWithErrors);
        Assert.Contains(seen, p => p is { Phase: LedgerPhase.Checking, Done: 500, Total: 600 });
        Assert.Equal(LedgerPhase.Done, seen[^1].Phase);
    }

    private sealed class SynchronousProgress(List<LedgerProgress> seen) : IProgress<LedgerProgress>
    {
        public void Report(LedgerProgress value) => seen.Add(value);
    }
}
