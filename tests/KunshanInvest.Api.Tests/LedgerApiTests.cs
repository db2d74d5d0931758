using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>The ledger (台账) import and enterprise aliases over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class LedgerApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<(int Projects, int Enterprises, int Figures, int Milestones)> CountsAsync() =>
        WithDbAsync(async db => (await db.Projects.CountAsync(), await db.Enterprises.CountAsync(), await db.FigureEntries.CountAsync(), await db.Milestones.CountAsync()));

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    private static Dictionary<string, object?> Project(string code, string name, string enterprise, string? stage = null, string? signedOn = null, string sector = "coffee") => new()
    {
        [LedgerColumns.Code] = code,
        [LedgerColumns.Name] = name,
        [LedgerColumns.Enterprise] = enterprise,
        [LedgerColumns.Sector] = sector,
        [LedgerColumns.Park] = "kdz",
        [LedgerColumns.Owner] = "officer",
        [LedgerColumns.Source] = "展会",
        [LedgerColumns.Investment] = 8000d,
        [LedgerColumns.Stage] = stage,
        [LedgerColumns.SignedOn] = signedOn,
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> projects, IEnumerable<Dictionary<string, object?>>? figures = null)
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

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, bool confirm, string fileName = "台账.xlsx", string contentType = XlsxType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync(confirm ? "/api/v1/projects/ledger/import" : "/api/v1/projects/ledger/preview", form);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static byte[] WithFirstSheet(byte[] xlsx, string find, string replace)
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
                    var at = text.IndexOf(find, StringComparison.Ordinal);
                    text = text[..at] + replace + text[(at + find.Length)..];
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    [Fact]
    public async Task The_template_explains_each_column_on_its_second_sheet()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/projects/ledger/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal([LedgerColumns.LedgerSheet, LedgerColumns.GuideSheet, LedgerColumns.FiguresSheet], sheets.Take(3));
        var header = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: LedgerColumns.LedgerSheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(LedgerColumns.Ledger, header.Values.Select(v => v?.ToString()));
        var explained = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: LedgerColumns.GuideSheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r["列"]?.ToString()).ToHashSet();
        Assert.All(LedgerColumns.Ledger.Concat(LedgerColumns.Figures), c => Assert.Contains(c, explained));
    }

    [Fact]
    public async Task An_officer_may_preview_but_only_a_manager_confirms_and_the_registered_name_finds_the_seeded_enterprise()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var code = Unique("TZ-");
        var file = Workbook(
            [Project(code, "瑞幸台账项目", "瑞幸咖啡（中国）有限公司", stage: "签约", signedOn: "2024-03-01"), Project(Unique("TZ-"), "AUO 台账项目", "AUO", sector: "display")],
            [new() { [LedgerColumns.Project] = code, [LedgerColumns.Year] = 2025d, [LedgerColumns.TaxPaid] = 12.5, [LedgerColumns.Jobs] = 30d }]);
        var before = await CountsAsync();

        var preview = await JsonAsync(await UploadAsync(officer, file, confirm: false));
        await (await UploadAsync(officer, file, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountsAsync());
        var result = await JsonAsync(await UploadAsync(manager, file, confirm: true));

        Assert.False(preview.GetProperty("confirmed").GetBoolean());
        Assert.Equal(["Alias", "Alias"], preview.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("sheet").GetString() == LedgerColumns.LedgerSheet).Select(i => i.GetProperty("enterpriseMatch").GetString()));
        Assert.Equal("瑞幸", preview.GetProperty("items")[0].GetProperty("enterprise").GetString());
        Assert.True(result.GetProperty("confirmed").GetBoolean());
        Assert.Equal((2, 0, 2), (result.GetProperty("newProjects").GetInt32(), result.GetProperty("newEnterprises").GetInt32(), result.GetProperty("figuresImported").GetInt32()));
        var figures = await WithDbAsync(db => db.FigureEntries.Where(f => db.Projects.Any(p => p.Id == f.ProjectId && p.Code == code)).ToListAsync());
        Assert.All(figures, f => Assert.Equal((FigureStatus.Verified, true, 202512), (f.Status, f.IsImported, f.Period)));
        var after = await CountsAsync();
        Assert.Equal((before.Projects + 2, before.Enterprises, before.Figures + 2), (after.Projects, after.Enterprises, after.Figures));
    }

    [Fact]
    public async Task A_ledger_with_duplicate_codes_is_a_400_naming_the_rows_and_saves_nothing()
    {
        using var manager = await fixture.ClientAsync("manager");
        var code = Unique("TZ-");
        var file = Workbook([Project(code, "重复一", Unique("新企业")), Project(Unique("TZ-"), "好行", Unique("新企业")), Project(code, "重复二", Unique("新企业"))]);
        var before = await CountsAsync();

        var problem = await (await UploadAsync(manager, file, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("台账[2].项目编号", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("台账[4].项目编号", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("台账[3].项目编号", out _));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Formulas_merged_cells_a_zip_bomb_a_csv_and_20_mb_are_clear_problems_and_save_nothing()
    {
        using var manager = await fixture.ClientAsync("manager");
        var good = Workbook([Project(Unique("TZ-"), "项目", Unique("新企业"))]);
        var formula = WithFirstSheet(good, "</x:row>", "<x:c r=\"Z1\"><x:f>SUM(1,1)</x:f><x:v>2</x:v></x:c></x:row>");
        var merged = WithFirstSheet(good, "</x:sheetData>", "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>");
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

        var huge = new byte[20 * 1024 * 1024];
        "PK\x03\x04"u8.CopyTo(huge);
        var before = await CountsAsync();

        var formulaProblem = await (await UploadAsync(manager, formula, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var mergedProblem = await (await UploadAsync(manager, merged, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(manager, bomb.ToArray(), confirm: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(manager, Encoding.UTF8.GetBytes("项目编号,项目名称\nA,B\n"), confirm: true, fileName: "台账.csv", contentType: "text/csv")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(manager, huge, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("Z1", formulaProblem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("A1:B1", mergedProblem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Outsiders_can_neither_preview_nor_import_nor_edit_aliases(string userName)
    {
        using var client = await fixture.ClientAsync(userName);
        var file = Workbook([Project(Unique("TZ-"), "项目", "甲")]);
        var enterprise = await WithDbAsync(db => db.Enterprises.Select(e => e.Id).FirstAsync());

        await (await client.GetAsync("/api/v1/projects/ledger/template.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(client, file, confirm: false)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(client, file, confirm: true)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/enterprises/{enterprise}/aliases", new { text = "别名", kind = "Brand" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_add_list_and_remove_aliases_and_a_taken_name_is_409()
    {
        using var officer = await fixture.ClientAsync("officer");
        var auo = await WithDbAsync(db => db.Enterprises.Where(e => e.NameZh == "友达光电").Select(e => e.Id).SingleAsync());
        var luckin = await WithDbAsync(db => db.Enterprises.Where(e => e.NameZh == "瑞幸").Select(e => e.Id).SingleAsync());
        var text = Unique("友达别名");

        var created = await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enterprises/{auo}/aliases", new { text, kind = "Former" }));
        var listed = await JsonAsync(await officer.GetAsync($"/api/v1/enterprises/{auo}/aliases"));
        var taken = await (await officer.PostAsJsonAsync($"/api/v1/enterprises/{luckin}/aliases", new { text = "AUO", kind = "English" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var blank = await (await officer.PostAsJsonAsync($"/api/v1/enterprises/{auo}/aliases", new { text = "  ", kind = "Brand" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var found = await JsonAsync(await officer.GetAsync("/api/v1/enterprises/?q=AUO"));
        var removed = await officer.DeleteAsync($"/api/v1/enterprises/{auo}/aliases/{created.GetProperty("id").GetGuid()}");

        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("text").GetString() == text);
        Assert.Contains("友达光电", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("alias.taken", taken.GetProperty("code").GetString());
        Assert.NotNull(blank.GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Contains(found.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == auo);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }
}

public sealed class SqliteLedgerApiTests(SqliteApp fixture) : LedgerApiTests<SqliteApp>(fixture);

public sealed class PostgresLedgerApiTests(PostgresApp fixture) : LedgerApiTests<PostgresApp>(fixture);
