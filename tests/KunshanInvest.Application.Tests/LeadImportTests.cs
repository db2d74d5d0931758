using FluentValidation;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KunshanInvest.Application.Tests;

public sealed class LeadImportTests
{
    private static readonly SectorRef Coffee = new(Guid.CreateVersion7(), "coffee", "咖啡", true);
    private static readonly SectorRef Food = new(Guid.CreateVersion7(), "food", "高端食品", true);
    private static readonly SectorRef Retired = new(Guid.CreateVersion7(), "retired", "旧产业", false);
    private static readonly SectorRef[] Sectors = [Coffee, Food, Retired];

    private static LeadImportRow Row(
        string? nameZh = "测试企业", string? nameEn = null, string? creditCode = null, string? country = null, string? sector = "coffee",
        string? source = "展会", object? investment = null, string? currency = null, string? projectName = null, object? major = null) =>
        new(2, nameZh, nameEn, creditCode, country, sector, source, investment, currency, projectName, major);

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Lead(string? nameZh, string sector = "coffee", string source = "上门", string? creditCode = null) => new()
    {
        ["企业中文名"] = nameZh,
        ["统一社会信用代码"] = creditCode,
        ["产业链"] = sector,
        ["来源"] = source,
    };

    private static string CreditCodeFor(string first17) => first17 + CreditCode.CheckCharacter(first17);

    [Theory]
    [InlineData("creditCode", "91320583MA0DE0013D", "统一社会信用代码", "校验位")]
    [InlineData("creditCode", "9132058", "统一社会信用代码", "18 位")]
    [InlineData("names", null, "企业中文名", "中文名称或英文名称")]
    [InlineData("sector", "quantum", "产业链", "未知产业链")]
    [InlineData("sector", "旧产业", "产业链", "已停用")]
    [InlineData("sector", null, "产业链", "请填写产业链")]
    [InlineData("source", "Telepathy", "来源", "未知来源")]
    [InlineData("source", null, "来源", "请填写来源")]
    [InlineData("investment", "十万", "预计投资(万元)", "数字")]
    [InlineData("investment", "-5", "预计投资(万元)", "")]
    [InlineData("currency", "US", "币种", "ISO 4217")]
    [InlineData("country", "China", "国家地区", "两位")]
    [InlineData("major", "maybe", "重大项目", "是")]
    [InlineData("projectName", "long", "项目名称", "最长")]
    public void Each_row_problem_is_named_by_its_column(string field, string? value, string column, string message)
    {
        var row = field switch
        {
            "creditCode" => Row(creditCode: value),
            "names" => Row(nameZh: value, nameEn: value),
            "sector" => Row(sector: value),
            "source" => Row(source: value),
            "investment" => Row(investment: value),
            "currency" => Row(investment: 10d, currency: value),
            "country" => Row(country: value),
            "major" => Row(major: value),
            _ => Row(projectName: new string('项', InvestmentProject.NameMaxLength + 1)),
        };

        var draft = LeadImportRules.Check(row, Sectors);

        var error = Assert.Single(draft.Errors);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_row_takes_labels_names_and_defaults()
    {
        var byLabel = LeadImportRules.Check(Row(nameZh: " 福斯咖啡（中国）有限公司 ", sector: "高端食品", source: "驻外招商点", investment: "1,200.5", major: "是"), Sectors);
        var byName = LeadImportRules.Check(Row(nameZh: null, nameEn: "Fourth Coffee Inc.", sector: "COFFEE", source: "businessreferral", investment: 30d, currency: "usd", country: "hk", major: true), Sectors);

        Assert.Empty(byLabel.Errors);
        Assert.Equal(Food, byLabel.Sector);
        Assert.Equal(SourceChannel.OverseasOffice, byLabel.Source);
        Assert.Equal(1_200_500_000L, byLabel.Investment!.MinorUnits);
        Assert.Equal("CNY", byLabel.Investment.Currency);
        Assert.Equal(("CN", Ownership.Domestic), (byLabel.Enterprise.Country, byLabel.Enterprise.Ownership));
        Assert.True(byLabel.IsMajor);
        Assert.Equal([EnterpriseName.Key("福斯咖啡(中国)")], byLabel.NameKeys);

        Assert.Empty(byName.Errors);
        Assert.Equal(Coffee, byName.Sector);
        Assert.Equal(SourceChannel.BusinessReferral, byName.Source);
        Assert.Equal(new Projects.MoneyDto(30_000_000, "USD"), byName.Investment);
        Assert.Equal(("HK", Ownership.HongKongMacaoTaiwan), (byName.Enterprise.Country, byName.Enterprise.Ownership));
        Assert.Equal(["fourthcoffee"], byName.NameKeys);
    }

    [Fact]
    public void The_sheet_reader_folds_headers_skips_blank_rows_and_keeps_sheet_row_numbers()
    {
        var file = Workbook(
            new() { [" 企业中文名 "] = "甲公司", ["产业链"] = "coffee", ["来源"] = "展会", ["预计投资（万元）"] = 12.5, ["统一社会信用代码"] = 913205830000000000d, ["备注"] = "ignored" },
            new() { [" 企业中文名 "] = null, ["产业链"] = " ", ["来源"] = null, ["预计投资（万元）"] = null, ["统一社会信用代码"] = null, ["备注"] = "only a note" },
            new() { [" 企业中文名 "] = "乙公司", ["产业链"] = "food", ["来源"] = "上门", ["预计投资（万元）"] = null, ["统一社会信用代码"] = null, ["备注"] = null });

        var rows = LeadImportSheet.Read(file);

        Assert.Equal([2, 4], rows.Select(r => r.Row));
        Assert.Equal("甲公司", rows[0].NameZh);
        Assert.Equal(12.5, rows[0].Investment);
        Assert.Equal("913205830000000000", rows[0].CreditCode);
        Assert.Equal(("乙公司", "food", "上门"), (rows[1].NameZh, rows[1].Sector, rows[1].Source));
    }

    [Fact]
    public void A_sheet_without_the_required_columns_without_rows_or_with_too_many_rows_is_refused()
    {
        var noSector = Workbook(new Dictionary<string, object?> { ["企业中文名"] = "甲", ["来源"] = "展会" });
        var headersOnly = Workbook(new Dictionary<string, object?> { ["企业中文名"] = null, ["产业链"] = null, ["来源"] = null });
        var tooMany = Workbook([.. Enumerable.Range(0, ImportLeads.MaxRows + 1).Select(i => Lead($"企业{i}"))]);
        var exactly = Workbook([.. Enumerable.Range(0, ImportLeads.MaxRows).Select(i => Lead($"企业{i}"))]);

        Assert.Contains("产业链", Assert.Throws<LeadImportFileException>(() => LeadImportSheet.Read(noSector)).Message, StringComparison.Ordinal);
        Assert.Contains("没有数据行", Assert.Throws<LeadImportFileException>(() => LeadImportSheet.Read(headersOnly)).Message, StringComparison.Ordinal);
        Assert.Contains("2000", Assert.Throws<LeadImportFileException>(() => LeadImportSheet.Read(tooMany)).Message, StringComparison.Ordinal);
        Assert.Equal(ImportLeads.MaxRows, LeadImportSheet.Read(exactly).Count);
    }

    [Fact]
    public void A_zip_that_is_no_workbook_is_refused_and_the_sheet_named_线索_is_read_wherever_it_stands()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open()))
        {
            writer.Write("<document/>");
        }

        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["说明"] = new[] { new Dictionary<string, object?> { ["列"] = "产业链", ["说明"] = "必填" } },
            [LeadImportSheet.SheetName] = new[] { Lead("甲公司") },
        }, excelType: ExcelType.XLSX);

        Assert.Contains(".xlsx", Assert.Throws<LeadImportFileException>(() => LeadImportSheet.Read(zip.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains(".xlsx", Assert.Throws<LeadImportFileException>(() => LeadImportSheet.Read([.. "PK\x03\x04"u8, .. new byte[100]])).Message, StringComparison.Ordinal);
        Assert.Equal("甲公司", Assert.Single(LeadImportSheet.Read(workbook.ToArray())).NameZh);
    }

    [Fact]
    public void Only_zip_files_within_5_mb_named_xlsx_pass_the_validator()
    {
        var validator = new ImportLeadsValidator();
        var xlsx = Workbook(Lead("甲"));

        Assert.True(validator.Validate(new ImportLeads(xlsx, "线索.xlsx")).IsValid);
        Assert.False(validator.Validate(new ImportLeads("企业中文名,产业链"u8.ToArray(), "线索.xlsx")).IsValid);
        Assert.False(validator.Validate(new ImportLeads(xlsx, "线索.xls")).IsValid);
        Assert.False(validator.Validate(new ImportLeads([.. xlsx, .. new byte[ImportLeads.MaxBytes]], "线索.xlsx")).IsValid);
        Assert.All(validator.Validate(new ImportLeads([], null)).Errors, e => Assert.Equal("file", e.PropertyName));
    }

    private sealed class Scenario : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Guid OwnerId { get; init; }
        public required Guid ExistingId { get; init; }
        public required string ExistingCode { get; init; }

        public static async Task<Scenario> CreateAsync()
        {
            var database = await TestDatabase.CreateAsync();
            var owner = await database.AddUserAsync("officer");
            database.User.Id = owner;
            var code = CreditCodeFor("91320583MA1XYW123");
            var existing = new Enterprise("昆山测试咖啡(中国)有限公司", "Kunshan Test Coffee", "CN", Ownership.Domestic);
            existing.SetCreditCode(code);
            await using var db = database.NewContext();
            db.Sectors.AddRange(new Sector("coffee", "咖啡", "Coffee"), new Sector("food", "高端食品", "Food"));
            db.Enterprises.Add(existing);
            await db.SaveChangesAsync();
            return new Scenario { Database = database, OwnerId = owner, ExistingId = existing.Id, ExistingCode = code };
        }

        public ImportLeadsHandler Handler(Infrastructure.Persistence.AppDbContext db) =>
            new(db, Database.Allocator(db), Database.User, new UserDirectory(db, Database.Clock), new Notifier(db, Database.Clock), Database.Clock);

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    [Fact]
    public async Task A_confirmed_file_with_one_bad_row_writes_nothing_at_all()
    {
        await using var scenario = await Scenario.CreateAsync();
        var before = await DbCounts.OfAsync(scenario.Database);
        var file = Workbook(Lead("新企业甲"), Lead("新企业乙", sector: "nope"), Lead("昆山测试咖啡（中国）"));

        await using var db = scenario.Database.NewContext();
        var refused = await Assert.ThrowsAsync<ValidationException>(async () => await scenario.Handler(db).Handle(new ImportLeads(file, "a.xlsx", Confirm: true), CancellationToken.None));

        Assert.Equal(["rows[3].产业链"], refused.Errors.Select(e => e.PropertyName));
        Assert.Equal(before, await DbCounts.OfAsync(scenario.Database));
    }

    [Fact]
    public async Task A_dry_run_previews_and_writes_nothing()
    {
        await using var scenario = await Scenario.CreateAsync();
        var before = await DbCounts.OfAsync(scenario.Database);
        var file = Workbook(Lead("新企业甲"), Lead("昆山测试咖啡（中国）"), Lead("新企业甲有限公司"));

        await using var db = scenario.Database.NewContext();
        var preview = await scenario.Handler(db).Handle(new ImportLeads(file, "a.xlsx"), CancellationToken.None);

        Assert.False(preview.Confirmed);
        Assert.Equal([ImportLeadsHandler.NewEnterpriseAction, ImportLeadsHandler.ExistingEnterpriseAction, ImportLeadsHandler.ExistingEnterpriseAction], preview.Items.Select(i => i.Action));
        Assert.Equal(scenario.ExistingId, preview.Items[1].Enterprise!.Id);
        Assert.Equal((null, true, 2), (preview.Items[2].Enterprise!.Id, preview.Items[2].Enterprise!.IsNew, preview.Items[2].Enterprise!.NewInRow));
        Assert.Equal(1, preview.NewEnterprises);
        Assert.Equal(before, await DbCounts.OfAsync(scenario.Database));
    }

    [Fact]
    public async Task Names_matching_several_enterprises_or_a_name_with_another_credit_code_are_row_errors()
    {
        await using var scenario = await Scenario.CreateAsync();
        await using (var seed = scenario.Database.NewContext())
        {
            seed.Enterprises.Add(new Enterprise("双胞胎咖啡", null, "CN", Ownership.Domestic));
            seed.Enterprises.Add(new Enterprise(null, "Twin Coffee", "US", Ownership.Foreign));
            await seed.SaveChangesAsync();
        }

        var file = Workbook(
            new Dictionary<string, object?> { ["企业中文名"] = "双胞胎咖啡有限公司", ["企业英文名"] = "Twin Coffee Ltd.", ["统一社会信用代码"] = null, ["产业链"] = "coffee", ["来源"] = "展会" },
            new Dictionary<string, object?> { ["企业中文名"] = "昆山测试咖啡(中国)", ["企业英文名"] = null, ["统一社会信用代码"] = CreditCodeFor("91320583MA1XYW999"), ["产业链"] = "coffee", ["来源"] = "展会" },
            new Dictionary<string, object?> { ["企业中文名"] = "另一个名字", ["企业英文名"] = null, ["统一社会信用代码"] = scenario.ExistingCode.ToLowerInvariant(), ["产业链"] = "coffee", ["来源"] = "展会" });

        await using var db = scenario.Database.NewContext();
        var preview = await scenario.Handler(db).Handle(new ImportLeads(file, null), CancellationToken.None);

        Assert.Contains("多家", Assert.Single(preview.Items[0].Errors).Message, StringComparison.Ordinal);
        Assert.Equal("统一社会信用代码", Assert.Single(preview.Items[1].Errors).Column);
        Assert.Empty(preview.Items[2].Errors);
        Assert.Equal(scenario.ExistingId, preview.Items[2].Enterprise!.Id);
    }

    [Fact]
    public async Task A_confirmed_file_is_saved_in_one_save_after_a_number_of_queries_that_does_not_grow_with_the_rows()
    {
        await using var scenario = await Scenario.CreateAsync();
        var before = await DbCounts.OfAsync(scenario.Database);
        Dictionary<string, object?>[] Rows(int count) =>
            [.. Enumerable.Range(0, count).Select(i => (i % 3) switch
            {
                0 => Lead($"批量新企业{i}"),
                1 => Lead("昆山测试咖啡(中国)有限公司", source: "招商会"),
                _ => Lead($"另一家{i}", sector: "food", creditCode: i == 2 ? scenario.ExistingCode : null),
            })];

        var fewQueries = new StatementCounter();
        await using (var db = scenario.Database.NewContext(fewQueries))
        {
            await scenario.Handler(db).Handle(new ImportLeads(Workbook(Rows(6)), null), CancellationToken.None);
        }

        var manyQueries = new StatementCounter();
        var saves = new SaveCounter();
        LeadImportResult result;
        await using (var db = scenario.Database.NewContext(manyQueries, saves))
        {
            result = await scenario.Handler(db).Handle(new ImportLeads(Workbook(Rows(300)), null, Confirm: true), CancellationToken.None);
        }

        Assert.Equal(0, result.RowsWithErrors);
        Assert.Equal(1, saves.Saves);
        Assert.Equal(fewQueries.Queries.Count, manyQueries.Queries.Count);

        // + the 300 codes, reserved by one UPDATE … RETURNING (run twice around creating the year's counter row).
        Assert.Equal(2, manyQueries.Readers.Count(q => q.Contains("UPDATE \"ProjectCodeCounters\"", StringComparison.Ordinal)));
        var after = await DbCounts.OfAsync(scenario.Database);
        Assert.Equal(before.Projects + 300, after.Projects);
        Assert.Equal(before.Enterprises + 100 + 99, after.Enterprises);
        await using var read = scenario.Database.NewContext();
        var leads = await read.Projects.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Assert.All(leads, p => Assert.Equal((scenario.OwnerId, ProjectStage.Lead), (p.OwnerId, p.Stage)));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"KS-2026-{i:00000}"), leads.Select(p => p.Code));
        Assert.Equal(100 + 1, leads.Count(p => p.EnterpriseId == scenario.ExistingId));
    }

    [Fact]
    public async Task Reusing_an_enterprise_another_officer_works_on_shows_the_conflict_and_tells_both_officers()
    {
        await using var scenario = await Scenario.CreateAsync();
        var other = await scenario.Database.AddUserAsync("officer2");
        await using (var seed = scenario.Database.NewContext())
        {
            var coffee = await seed.Sectors.SingleAsync(s => s.Code == "coffee");
            var theirs = new InvestmentProject("KS-2025-00007", "他人在谈项目", SourceChannel.Expo, other, scenario.Database.Clock.GetUtcNow().UtcDateTime);
            theirs.Place(scenario.ExistingId, coffee.Id, null);
            seed.Projects.Add(theirs);
            await seed.SaveChangesAsync();
        }

        var file = Workbook(Lead("昆山测试咖啡(中国)"));
        await using var db = scenario.Database.NewContext();
        var result = await scenario.Handler(db).Handle(new ImportLeads(file, null, Confirm: true), CancellationToken.None);

        var conflict = Assert.Single(result.Items[0].Conflicts);
        Assert.Equal(("KS-2025-00007", other, "officer2"), (conflict.Code, conflict.OwnerId, conflict.OwnerName));
        await using var read = scenario.Database.NewContext();
        var notified = await read.Notifications.Where(n => n.Kind == "lead.conflict").Select(n => n.UserId).ToListAsync();
        Assert.Equal(2, notified.Count);
        Assert.Contains(other, notified);
        Assert.Contains(scenario.OwnerId, notified);
    }
}

public sealed class LeadImportZipBombTests
{
    [Fact]
    public void A_workbook_that_unpacks_past_the_bound_is_refused_before_parsing()
    {
        using var packed = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(packed, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/sharedStrings.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 70; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(packed.Length < KunshanInvest.Application.Projects.ImportLeads.ImportLeads.MaxBytes);
        var error = Assert.Throws<KunshanInvest.Application.Projects.ImportLeads.LeadImportFileException>(() => KunshanInvest.Application.Projects.ImportLeads.LeadImportSheet.Read(packed.ToArray()));
        Assert.Contains("解压", error.Message, StringComparison.Ordinal);
    }
}
