using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KunshanInvest.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The carrier register over SQLite and PostgreSQL: an admin writes (with If-Match), staff read, an officer's write is a
/// 403, bad input a 400/422 naming the field, a taken code a 409, and the workbook import previews, refuses a file with
/// an error whole and imports a good one.
/// </summary>
public abstract class CarrierApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];

    private Task<Guid> ParkAsync() => fixture.QueryAsync(db => db.Parks.OrderBy(p => p.Code).Select(p => p.Id).FirstAsync());

    private static object ParcelBody(string code, Guid park, double mu = 45, string use = "Industrial", string status = "Available", long? price = 48_000_000) =>
        new { code, parkId = park, areaMu = mu, use, status, guidePriceFenPerMu = price, note = "接口测试" };

    [Fact]
    public async Task An_admin_enters_and_edits_a_parcel_staff_read_it_and_an_officers_write_is_forbidden()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        var park = await ParkAsync();
        var code = Unique("API");

        await (await officer.PostAsJsonAsync("/api/v1/admin/carriers/parcels", ParcelBody(code, park))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/carriers/parcels", ParcelBody(code, park));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).Id();
        await (await admin.PostAsJsonAsync("/api/v1/admin/carriers/parcels", ParcelBody(code, park))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var read = await officer.GetAsync($"/api/v1/carriers/parcels/{id}");
        var page = await read.JsonAsync();
        Assert.Equal(code, page.GetProperty("parcel").GetProperty("code").GetString());
        Assert.Equal("Created", page.GetProperty("history")[0].GetProperty("kind").GetString());
        var etag = read.Headers.ETag!;

        using var status = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/carriers/parcels/{id}/status") { Content = JsonContent.Create(new { status = "Reserve", note = "收回储备" }) };
        status.Headers.IfMatch.Add(etag);
        var changed = await (await admin.SendAsync(status)).JsonAsync();
        Assert.Equal("Reserve", changed.GetProperty("status").GetString());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/carriers/parcels/{id}") { Content = JsonContent.Create(ParcelBody(code, park, mu: 50)) };
        stale.Headers.IfMatch.Add(etag);
        await (await admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"/api/v1/admin/carriers/parcels/{id}", ParcelBody(code, park, mu: 50))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var list = await (await officer.GetAsync($"/api/v1/carriers/parcels?parkId={park}&status=Reserve&minMu=40&maxMu=60&sort=Area&desc=true&pageSize=200")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.Id() == id);
        await (await officer.GetAsync($"/api/v1/carriers/parcels/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", 10d, "Industrial", "code", "carrier.code")]
    [InlineData("OK-CODE", 0d, "Industrial", "areaMu", "carrier.area")]
    [InlineData("OK-CODE", 100001d, "Industrial", "areaMu", "carrier.area")]
    public async Task Bad_parcel_input_is_a_400_naming_the_field_with_its_code(string code, double mu, string use, string field, string expected)
    {
        using var admin = await fixture.ClientAsync("admin");
        var park = await ParkAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/carriers/parcels", ParcelBody(code, park, mu, use))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(expected, problem.GetProperty("codes").EnumerateObject().Single(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
    }

    [Fact]
    public async Task An_unknown_use_a_bad_filter_or_a_duplicate_building_is_refused_and_nothing_breaks()
    {
        using var admin = await fixture.ClientAsync("admin");
        var park = await ParkAsync();
        await (await admin.PostAsJsonAsync("/api/v1/admin/carriers/parcels", ParcelBody(Unique("U"), park, use: "Farming"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/carriers/parcels?minMu=60&maxMu=40")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/carriers/premises?pageSize=100000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var building = Unique("楼");
        var body = new { parkId = park, building, kind = "Office", areaM2 = 1000, vacantM2 = 400, floorLoadKnPerM2 = 3.5, floors = 2, rentFenPerM2Month = 5500 };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/carriers/premises", body)).StatusCode);
        await (await admin.PostAsJsonAsync("/api/v1/admin/carriers/premises", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var vacantTooMuch = new { parkId = park, building = Unique("楼"), kind = "Office", areaM2 = 100, vacantM2 = 400, floors = 1 };
        await (await admin.PostAsJsonAsync("/api/v1/admin/carriers/premises", vacantTooMuch)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_import_previews_refuses_a_file_with_an_error_whole_and_imports_a_good_one_which_the_overview_counts()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        var parkCode = await fixture.QueryAsync(db => db.Parks.OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());
        var code = Unique("IMP");
        var before = await (await officer.GetAsync("/api/v1/carriers/overview")).JsonAsync();

        var bad = Book(code, parkCode, "不存在");
        await (await officer.PostAsync("/api/v1/admin/carriers/import/preview", Form(bad))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var preview = await (await admin.PostAsync("/api/v1/admin/carriers/import/preview", Form(bad))).JsonAsync();
        Assert.Equal(1, preview.GetProperty("rowsWithErrors").GetInt32());
        var refused = await (await admin.PostAsync("/api/v1/admin/carriers/import", Form(bad))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("carrier.park_unknown", refused.GetRawText(), StringComparison.Ordinal);
        Assert.False(await fixture.QueryAsync(db => db.LandParcels.AnyAsync(p => p.Code == code)));

        var imported = await (await admin.PostAsync("/api/v1/admin/carriers/import", Form(Book(code, parkCode, parkCode)))).JsonAsync();
        Assert.Equal((1, 1), (imported.GetProperty("newParcels").GetInt32(), imported.GetProperty("newPremises").GetInt32()));
        var after = await (await officer.GetAsync("/api/v1/carriers/overview")).JsonAsync();
        Assert.Equal(before.GetProperty("freeMu").GetDouble() + 47.5, after.GetProperty("freeMu").GetDouble(), 6);

        var template = await admin.GetAsync("/api/v1/admin/carriers/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Contains("宗地", MiniExcel.GetSheetNames(new MemoryStream(await template.Content.ReadAsByteArrayAsync())));
        using var garbage = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "x.xlsx" } };
        await (await admin.PostAsync("/api/v1/admin/carriers/import/preview", garbage)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var malformed = new StringContent("--x\r\nbroken", System.Text.Encoding.UTF8);
        malformed.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await (await admin.PostAsync("/api/v1/admin/carriers/import", malformed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static byte[] Book(string code, string parkCode, string premisesPark)
    {
        var sheets = new Dictionary<string, object>
        {
            ["宗地"] = new[] { new Dictionary<string, object?> { ["宗地编号"] = code, ["园区"] = parkCode, ["面积(亩)"] = 47.5, ["用途"] = "工业", ["状态"] = "可供", ["指导价(万元/亩)"] = 48 } },
            ["房源"] = new[] { new Dictionary<string, object?> { ["园区"] = premisesPark, ["楼栋"] = code + " 栋", ["类型"] = "标准厂房", ["面积(平方米)"] = 3000, ["空置面积(平方米)"] = 1000 } },
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] content) => new() { { new ByteArrayContent(content), "file", "载体.xlsx" } };
}

public sealed class SqliteCarrierApiTests(SqliteApp fixture) : CarrierApiTests<SqliteApp>(fixture);

public sealed class PostgresCarrierApiTests(PostgresApp fixture) : CarrierApiTests<PostgresApp>(fixture);
