using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>Project list export (.xlsx, .csv) and lead import from .xlsx, over SQLite and over PostgreSQL.</summary>
public abstract class ProjectFileApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] ExportHeaders =
        ["项目编号", "项目名称", "企业", "产业链", "阶段", "来源", "负责人", "预计投资(万元)", "协议投资(万元)", "币种", "重大项目", "六未", "最近活动", "下次跟进"];

    private static readonly string[] TemplateHeaders =
        ["企业中文名", "企业英文名", "统一社会信用代码", "国家地区", "产业链", "来源", "预计投资(万元)", "币种", "项目名称", "重大项目"];

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<(int Projects, int Enterprises)> CountsAsync() =>
        WithDbAsync(async db => (await db.Projects.CountAsync(), await db.Enterprises.CountAsync()));

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    private static string NewCreditCode()
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = "91320583" + string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }

    private Task<Guid> AddEnterpriseAsync(string? nameZh, string? nameEn, string? creditCode = null) => WithDbAsync(async db =>
    {
        var enterprise = new Enterprise(nameZh, nameEn, "CN", Ownership.Domestic);
        enterprise.SetCreditCode(creditCode);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    });

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), sheetName: "线索", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Lead(string? nameZh, string sector = "coffee", string source = "展会", string? creditCode = null, string? nameEn = null, object? investment = null, string? projectName = null) => new()
    {
        ["企业中文名"] = nameZh,
        ["企业英文名"] = nameEn,
        ["统一社会信用代码"] = creditCode,
        ["国家地区"] = null,
        ["产业链"] = sector,
        ["来源"] = source,
        ["预计投资(万元)"] = investment,
        ["币种"] = null,
        ["项目名称"] = projectName,
        ["重大项目"] = "否",
    };

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, bool confirm, string fileName = "线索.xlsx")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/projects/import?confirm={(confirm ? "true" : "false")}", form);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<IDictionary<string, object?>> Sheet(byte[] xlsx, string? sheetName = null) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: sheetName, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];

    private static JsonElement RowOf(JsonElement result, int row) =>
        result.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("row").GetInt32() == row);

    private static List<string> ErrorColumns(JsonElement item) =>
        [.. item.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()!)];

    [Theory]
    [InlineData("")]
    [InlineData("?sector={coffee}&sort=Code&desc=false")]
    [InlineData("?stage=Signed&stage=Lead&stalled=false&sort=Name")]
    public async Task The_xlsx_export_holds_every_project_the_list_counts_for_the_same_filter_in_the_same_order(string filter)
    {
        using var manager = await fixture.ClientAsync("manager");
        var coffee = await WithDbAsync(db => db.Sectors.Where(s => s.Code == "coffee").Select(s => s.Id).SingleAsync());
        var query = filter.Replace("{coffee}", coffee.ToString(), StringComparison.Ordinal);

        var list = await JsonAsync(await manager.GetAsync($"/api/v1/projects{query}{(query.Length == 0 ? "?" : "&")}pageSize=200"));
        var response = await manager.GetAsync($"/api/v1/projects/export.xlsx{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^项目清单-\d{4}-\d{2}-\d{2}\.xlsx$", disposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["项目"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var rows = Sheet(bytes);
        var total = list.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(total, rows.Count);
        Assert.Equal(ExportHeaders, rows[0].Keys);
        Assert.Equal(
            list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()),
            rows.Take(200).Select(r => r["项目编号"] as string));
    }

    [Fact]
    public async Task The_csv_export_starts_with_a_bom_and_holds_the_same_rows_as_the_xlsx()
    {
        using var officer = await fixture.ClientAsync("officer");

        var csv = await officer.GetAsync("/api/v1/projects/export.csv?sort=Code&desc=false");
        var xlsx = await officer.GetAsync("/api/v1/projects/export.xlsx?sort=Code&desc=false");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
        Assert.Matches(@"^项目清单-\d{4}-\d{2}-\d{2}\.csv$", csv.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportHeaders), lines[0]);
        var sheet = Sheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(sheet.Count, lines.Length - 1);
        Assert.Equal(sheet.Select(r => r["项目编号"] as string), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Matches(@",\d{4}-\d{2}-\d{2} \d{2}:\d{2},(\d{4}-\d{2}-\d{2})?$", l));
    }

    [Fact]
    public async Task The_export_sends_one_more_statement_per_1000_rows_and_none_per_row()
    {
        using var manager = await fixture.ClientAsync("manager");
        var prefix = $"KS-19{Random.Shared.Next(10, 99)}-";
        await WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
            var sector = await db.Sectors.Where(s => s.Code == "food").Select(s => s.Id).SingleAsync();
            for (var i = 1; i <= 1001; i++)
            {
                var project = new InvestmentProject($"{prefix}{i:00000}", $"批量导出测试 {i}", SourceChannel.Expo, owner, DateTime.UtcNow);
                project.Place(null, sector, null);
                db.Projects.Add(project);
            }

            return await db.SaveChangesAsync();
        });

        byte[]? few = null, many = null;
        var small = await fixture.App.Sql.Measure(async () => few = await (await manager.GetAsync($"/api/v1/projects/export.xlsx?q={prefix}0000")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync());
        var large = await fixture.App.Sql.Measure(async () => many = await (await manager.GetAsync($"/api/v1/projects/export.xlsx?q={prefix}")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync());

        Assert.Equal(9, Sheet(few!).Count);
        Assert.Equal(1001, Sheet(many!).Count);
        Assert.True(small.Count <= 2, string.Join("\n---\n", small));
        Assert.Equal(small.Count + 1, large.Count);
    }

    [Fact]
    public async Task A_dry_run_lists_each_rows_errors_by_column_and_writes_nothing()
    {
        using var officer = await fixture.ClientAsync("officer");
        var before = await CountsAsync();
        var file = Workbook(
        [
            Lead(Unique("坏代码企业"), creditCode: "91320583MA0DE0013D"),
            Lead(Unique("未知产业链企业"), sector: "quantum-teleport"),
            Lead(null),
            Lead(Unique("好企业"), investment: 1200.5),
        ]);

        var result = await JsonAsync(await UploadAsync(officer, file, confirm: false));

        Assert.False(result.GetProperty("confirmed").GetBoolean());
        Assert.Equal(4, result.GetProperty("rows").GetInt32());
        Assert.Equal(3, result.GetProperty("rowsWithErrors").GetInt32());
        var badCode = RowOf(result, 2);
        Assert.Equal(["统一社会信用代码"], ErrorColumns(badCode));
        Assert.Contains("校验位", badCode.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, badCode.GetProperty("action").ValueKind);
        Assert.Equal(["产业链"], ErrorColumns(RowOf(result, 3)));
        Assert.Equal(["企业中文名"], ErrorColumns(RowOf(result, 4)));
        var good = RowOf(result, 5);
        Assert.Empty(ErrorColumns(good));
        Assert.Equal("新建企业+线索", good.GetProperty("action").GetString());
        Assert.True(good.GetProperty("enterprise").GetProperty("isNew").GetBoolean());
        Assert.Equal(1_200_500_000L, good.GetProperty("estimatedInvestment").GetProperty("minorUnits").GetInt64());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirming_a_file_with_one_bad_row_is_a_400_naming_it_and_writes_nothing()
    {
        using var officer = await fixture.ClientAsync("officer");
        var before = await CountsAsync();
        var file = Workbook([Lead(Unique("全对企业甲")), Lead(Unique("错产业链企业"), sector: "nope"), Lead(Unique("全对企业乙"))]);

        var response = await UploadAsync(officer, file, confirm: true);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[3].产业链", out _), errors.ToString());
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirming_good_rows_creates_the_leads_and_reuses_enterprises_matched_by_name_variant_and_by_credit_code()
    {
        using var officer = await fixture.ClientAsync("officer");
        var stem = Unique("导入测试咖啡");
        var byName = await AddEnterpriseAsync($"{stem}(昆山)有限公司", null);
        var code = NewCreditCode();
        var byCode = await AddEnterpriseAsync(Unique("信用代码匹配企业"), null, code);
        var fresh = Unique("全新导入企业");
        var before = await CountsAsync();
        var file = Workbook(
        [
            Lead($"{stem}（昆山）", source: "招商会", investment: 500),
            Lead(Unique("名称不同"), source: "WalkIn", creditCode: code.ToLowerInvariant()),
            Lead(fresh, sector: "高端食品", source: "以商引商", projectName: "新建烘焙线"),
            Lead($"{fresh}有限公司", source: "上门"),
        ]);

        var preview = await JsonAsync(await UploadAsync(officer, file, confirm: false));
        var result = await JsonAsync(await UploadAsync(officer, file, confirm: true));

        Assert.Equal(0, preview.GetProperty("rowsWithErrors").GetInt32());
        Assert.True(result.GetProperty("confirmed").GetBoolean());
        Assert.Equal(1, result.GetProperty("newEnterprises").GetInt32());
        Assert.Equal("已有企业+线索", RowOf(result, 2).GetProperty("action").GetString());
        Assert.Equal(byName, RowOf(result, 2).GetProperty("enterprise").GetProperty("id").GetGuid());
        Assert.Equal(byCode, RowOf(result, 3).GetProperty("enterprise").GetProperty("id").GetGuid());
        Assert.Equal("新建企业+线索", RowOf(result, 4).GetProperty("action").GetString());
        var created = RowOf(result, 4).GetProperty("enterprise").GetProperty("id").GetGuid();
        Assert.Equal(created, RowOf(result, 5).GetProperty("enterprise").GetProperty("id").GetGuid());
        Assert.Equal(4, RowOf(result, 5).GetProperty("enterprise").GetProperty("newInRow").GetInt32());

        var (projects, enterprises) = await CountsAsync();
        Assert.Equal((before.Projects + 4, before.Enterprises + 1), (projects, enterprises));
        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("projectId").GetGuid()).ToList();
        var saved = await WithDbAsync(db => db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync());
        var officerId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync());
        Assert.Equal(4, saved.Count);
        Assert.All(saved, p =>
        {
            Assert.Equal(officerId, p.OwnerId);
            Assert.Equal(ProjectStage.Lead, p.Stage);
            Assert.Matches(@"^KS-\d{4}-\d{5}$", p.Code);
        });
        Assert.Equal([SourceChannel.Conference, SourceChannel.WalkIn, SourceChannel.BusinessReferral, SourceChannel.WalkIn], saved.Select(p => p.Source));
        Assert.Equal(500_000_000L, saved[0].EstimatedInvestment!.MinorUnits);
        Assert.Equal("新建烘焙线", saved[2].Name);
        Assert.Equal(saved.Select(p => p.EnterpriseId), [byName, byCode, created, created]);
    }

    [Fact]
    public async Task An_oversized_file_a_file_that_is_not_xlsx_and_more_than_2000_rows_are_400()
    {
        using var officer = await fixture.ClientAsync("officer");
        var oversized = new byte[(5 * 1024 * 1024) + 1];
        "PK\x03\x04"u8.CopyTo(oversized);
        var rows = Enumerable.Range(0, 2001).Select(i => Lead($"超限企业{i}")).ToList();
        var before = await CountsAsync();

        var tooBig = await UploadAsync(officer, oversized, confirm: false);
        var notZip = await UploadAsync(officer, Encoding.UTF8.GetBytes("企业中文名,产业链\n甲,coffee\n"), confirm: false);
        var wrongName = await UploadAsync(officer, Workbook([Lead("甲")]), confirm: false, fileName: "leads.csv");
        var tooMany = await UploadAsync(officer, Workbook(rows), confirm: true);
        var noFile = await officer.PostAsync("/api/v1/projects/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });

        Assert.Contains("MB", (await tooBig.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(".xlsx", (await notZip.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await wrongName.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2000", (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await noFile.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_template_has_the_import_headers_on_its_first_sheet_and_lists_the_sectors()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/projects/import-template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("线索导入模板.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal("线索", sheets[0]);
        var header = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: "线索", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(TemplateHeaders, header.Values);
        Assert.Contains(Sheet(bytes, "产业链"), r => (string?)r["代码"] == "coffee");
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Outsiders_can_neither_export_nor_import(string userName)
    {
        using var client = await fixture.ClientAsync(userName);

        await (await client.GetAsync("/api/v1/projects/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/projects/export.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/projects/import-template.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(client, Workbook([Lead("甲")]), confirm: true)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = fixture.Anonymous();

        await (await anonymous.GetAsync("/api/v1/projects/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/projects/export.csv")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/projects/import-template.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await UploadAsync(anonymous, Workbook([Lead("甲")]), confirm: true)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteProjectFileApiTests(SqliteApp fixture) : ProjectFileApiTests<SqliteApp>(fixture);

public sealed class PostgresProjectFileApiTests(PostgresApp fixture) : ProjectFileApiTests<PostgresApp>(fixture);
