using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>The Admin's sectors and parks, and the audit view, over SQLite and over PostgreSQL.</summary>
public abstract class AdminCatalogApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Sectors = "/api/v1/admin/sectors";
    private const string Parks = "/api/v1/admin/parks";
    private const string Audit = "/api/v1/audit";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    private static string ETag(int version) => $"W/\"{version}\"";

    private static object SectorBody(string nameZh, object? limits = null) =>
        new { nameZh, nameEn = "Low altitude", descriptionZh = "低空经济", descriptionEn = (string?)null, limits };

    private async Task<Guid> NewSectorAsync(HttpClient admin, string? code = null)
    {
        var created = await admin.PostAsJsonAsync(Sectors, new { code = code ?? Unique("sec"), nameZh = "低空飞行器", nameEn = "Low-altitude aircraft" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).Id();
    }

    [Fact]
    public async Task An_admin_renames_a_sector_and_sets_its_limits_with_if_match()
    {
        using var admin = await fixture.ClientAsync("admin");
        var id = await NewSectorAsync(admin);
        var read = await admin.GetAsync($"{Sectors}/{id}");
        Assert.Equal(ETag(0), read.Headers.ETag?.ToString());

        var updated = await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("低空经济", new { signedDays = 30, staleActivityDays = 14 }), ETag(0));

        var json = await updated.JsonAsync();
        Assert.Equal(ETag(1), updated.Headers.ETag?.ToString());
        Assert.Equal("低空经济", json.GetProperty("nameZh").GetString());
        Assert.Equal("低空经济", json.GetProperty("descriptionZh").GetString());
        Assert.Equal(30, json.GetProperty("limits").GetProperty("signedDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("limits").GetProperty("registeredDays").ValueKind);
        var catalog = await (await admin.GetAsync(Sectors)).JsonAsync();
        Assert.Equal(90, catalog.GetProperty("defaults").GetProperty("signedDays").GetInt32());
        var listed = catalog.GetProperty("sectors").EnumerateArray().Single(s => s.Id() == id);
        Assert.Equal(14, listed.GetProperty("limits").GetProperty("staleActivityDays").GetInt32());
    }

    [Fact]
    public async Task Sector_edits_without_if_match_are_428_and_with_a_stale_one_409()
    {
        using var admin = await fixture.ClientAsync("admin");
        var id = await NewSectorAsync(admin);
        (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("改名"), ETag(0))).EnsureSuccessStatusCode();

        await (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("再改"))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("再改"), ETag(0))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await SendAsync(admin, HttpMethod.Post, $"{Sectors}/{id}/deactivate", null, ETag(0))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await SendAsync(admin, HttpMethod.Post, $"{Sectors}/{id}/deactivate")).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Bad_sector_and_park_input_is_a_400_naming_the_fields()
    {
        using var admin = await fixture.ClientAsync("admin");
        var id = await NewSectorAsync(admin);

        var sector = await (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("", new { signedDays = 0, aboveScaleDays = 99999 }), ETag(0)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var park = await (await admin.PostAsJsonAsync(Parks, new { code = "Bad Code", nameZh = "", nameEn = "Park" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var newSector = await (await admin.PostAsJsonAsync(Sectors, new { code = "x", nameZh = "", nameEn = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = sector.GetProperty("errors");
        Assert.True(errors.TryGetProperty("nameZh", out _));
        Assert.True(errors.TryGetProperty("limits.signedDays", out _));
        Assert.True(errors.TryGetProperty("limits.aboveScaleDays", out _));
        Assert.True(park.GetProperty("errors").TryGetProperty("code", out _));
        Assert.True(park.GetProperty("errors").TryGetProperty("nameZh", out _));
        Assert.True(newSector.GetProperty("errors").TryGetProperty("nameEn", out _));
    }

    [Fact]
    public async Task Unknown_sectors_and_parks_are_404()
    {
        using var admin = await fixture.ClientAsync("admin");
        var unknown = Guid.NewGuid();

        await (await admin.GetAsync($"{Sectors}/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{unknown}", SectorBody("无"), ETag(0))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(admin, HttpMethod.Post, $"{Sectors}/{unknown}/reactivate", null, ETag(0))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Parks}/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendAsync(admin, HttpMethod.Put, $"{Parks}/{unknown}", new { nameZh = "无", nameEn = "None" }, ETag(0))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deactivated_sector_refuses_new_leads_and_takes_them_again_once_reactivated()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var officer = await fixture.ClientAsync("officer");
        var id = await NewSectorAsync(admin);
        object Lead() => new
        {
            newEnterprise = new { nameZh = Unique("停用测试企业"), country = "CN", ownership = "Domestic" },
            sectorId = id,
            source = "WalkIn",
        };

        var deactivated = await (await SendAsync(admin, HttpMethod.Post, $"{Sectors}/{id}/deactivate", null, ETag(0))).JsonAsync();
        var refused = await (await officer.PostAsJsonAsync("/api/v1/projects", Lead())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var reactivated = await SendAsync(admin, HttpMethod.Post, $"{Sectors}/{id}/reactivate", null, ETag(1));
        var accepted = await officer.PostAsJsonAsync("/api/v1/projects", Lead());

        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.True(refused.GetProperty("errors").TryGetProperty("sectorId", out _));
        Assert.True((await reactivated.JsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var listed = (await (await officer.GetAsync("/api/v1/sectors")).JsonAsync()).EnumerateArray().Single(s => s.Id() == id);
        Assert.True(listed.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task A_sectors_own_signed_limit_decides_the_stalled_filter_in_sql()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var manager = await fixture.ClientAsync("manager");
        var strict = await NewSectorAsync(admin);
        var lenient = await NewSectorAsync(admin);
        (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{strict}", SectorBody("严格", new { signedDays = 10 }), ETag(0))).EnsureSuccessStatusCode();
        (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{lenient}", SectorBody("宽松", new { signedDays = 300 }), ETag(0))).EnsureSuccessStatusCode();
        var ownerId = await fixture.QueryAsync(db => db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync());
        var codes = new Dictionary<Guid, string>();
        var ids = new Dictionary<Guid, Guid>();
        await fixture.QueryAsync(async db =>
        {
            foreach (var sector in new[] { strict, lenient })
            {
                var code = $"KS-2099-{Random.Shared.Next(10000, 99999)}";
                var project = new InvestmentProject(code, $"六未测试 {code}", SourceChannel.Expo, ownerId, DateTime.UtcNow);
                project.Place(null, sector, null);
                typeof(InvestmentProject).GetProperty(nameof(InvestmentProject.Stage))!.SetValue(project, ProjectStage.Signed);
                project.Backdate(DateTime.UtcNow.AddDays(-100));
                db.Projects.Add(project);
                codes[sector] = code;
                ids[sector] = project.Id;
            }

            return await db.SaveChangesAsync();
        });

        var stalled = await (await manager.GetAsync($"/api/v1/projects?sector={strict}&sector={lenient}&stalled=true")).JsonAsync();
        var fresh = await (await manager.GetAsync($"/api/v1/projects?sector={strict}&sector={lenient}&stalled=false")).JsonAsync();

        Assert.Equal([codes[strict]], stalled.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.True(stalled.GetProperty("items")[0].GetProperty("isStalled").GetBoolean());
        Assert.Equal([codes[lenient]], fresh.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.False(fresh.GetProperty("items")[0].GetProperty("isStalled").GetBoolean());
        var page = await (await manager.GetAsync($"/api/v1/projects/{ids[strict]}")).JsonAsync();
        Assert.Equal("SignedNotRegistered", page.GetProperty("stalledKind").GetString());
        Assert.False((await (await manager.GetAsync($"/api/v1/projects/{ids[lenient]}")).JsonAsync()).GetProperty("isStalled").GetBoolean());
        var csv = await (await manager.GetAsync($"/api/v1/projects/export.csv?sector={strict}&sector={lenient}&sort=Code")).Content.ReadAsStringAsync();
        Assert.Contains($"{codes[strict]},", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n").Count(l => l.StartsWith("KS-2099-", StringComparison.Ordinal)));
        Assert.Contains(",是,", csv.Split("\r\n").Single(l => l.StartsWith(codes[strict], StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_renames_and_describes_a_park_with_if_match()
    {
        using var admin = await fixture.ClientAsync("admin");
        var code = Unique("park");

        var created = await admin.PostAsJsonAsync(Parks, new { code, nameZh = "花桥国际商务城", nameEn = "Huaqiao Business City", description = (string?)null });
        var id = (await created.JsonAsync()).Id();
        var duplicate = await admin.PostAsJsonAsync(Parks, new { code, nameZh = "重复", nameEn = "Duplicate" });
        var updated = await SendAsync(admin, HttpMethod.Put, $"{Parks}/{id}", new { nameZh = "花桥商务城", nameEn = "Huaqiao", description = "上海地铁11号线直达" }, ETag(0));
        var stale = await SendAsync(admin, HttpMethod.Put, $"{Parks}/{id}", new { nameZh = "又改", nameEn = "Again" }, ETag(0));
        var missing = await SendAsync(admin, HttpMethod.Put, $"{Parks}/{id}", new { nameZh = "又改", nameEn = "Again" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var json = await updated.JsonAsync();
        Assert.Equal(("花桥商务城", "上海地铁11号线直达", 1), (json.GetProperty("nameZh").GetString(), json.GetProperty("description").GetString(), json.GetProperty("version").GetInt32()));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var read = await admin.GetAsync($"{Parks}/{id}");
        Assert.Equal(ETag(1), read.Headers.ETag?.ToString());
        Assert.Contains((await (await admin.GetAsync(Parks)).JsonAsync()).EnumerateArray(), p => p.Id() == id);
    }

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", Sectors },
        { "GET", $"{Sectors}/{Guid.Empty}" },
        { "POST", Sectors },
        { "PUT", $"{Sectors}/{Guid.Empty}" },
        { "POST", $"{Sectors}/{Guid.Empty}/deactivate" },
        { "POST", $"{Sectors}/{Guid.Empty}/reactivate" },
        { "GET", Parks },
        { "GET", $"{Parks}/{Guid.Empty}" },
        { "POST", Parks },
        { "PUT", $"{Parks}/{Guid.Empty}" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Only_admins_manage_sectors_and_parks(string method, string path)
    {
        var body = method is "POST" or "PUT" ? new { code = "x", nameZh = "x", nameEn = "x" } : null;
        foreach (var role in new[] { "manager", "officer", "partner", "auditor" })
        {
            using var client = await fixture.ClientAsync(role);
            await (await SendAsync(client, new HttpMethod(method), path, body, ETag(0))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = fixture.Anonymous();
        await (await SendAsync(anonymous, new HttpMethod(method), path, body, ETag(0))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_auditor_searches_the_trail_by_entity_user_action_and_period_and_pages_by_id()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var auditor = await fixture.ClientAsync("auditor");
        var before = DateTime.UtcNow.AddSeconds(-1);
        var id = await NewSectorAsync(admin);
        for (var v = 0; v < 3; v++)
        {
            (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody($"改名{v}"), ETag(v))).EnsureSuccessStatusCode();
        }

        var query = $"{Audit}?entityType=Sector&entityId={id}";
        var all = await auditor.GetAsync(query);
        var updates = await (await auditor.GetAsync($"{query}&action=Updated&user=admin&pageSize=2")).JsonAsync();
        var next = await (await auditor.GetAsync($"{query}&action=Updated&user=admin&pageSize=2&cursor={updates.GetProperty("nextCursor").GetString()}")).JsonAsync();
        var someoneElse = await (await auditor.GetAsync($"{query}&user=officer")).JsonAsync();
        var earlier = await (await auditor.GetAsync($"{query}&to={before:O}")).JsonAsync();

        Assert.Equal("4", all.Headers.GetValues("X-Total-Count").Single());
        var rows = (await all.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Updated", "Updated", "Updated", "Created"], rows.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal("admin", rows[0].GetProperty("actorName").GetString());
        Assert.Contains(rows[0].GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "NameZh" && c.GetProperty("new").GetString() == "改名2");
        Assert.Equal(3, updates.GetProperty("total").GetInt32());
        var paged = updates.GetProperty("items").EnumerateArray().Concat(next.GetProperty("items").EnumerateArray()).Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(rows.Take(3).Select(r => r.GetProperty("id").GetInt64()), paged);
        Assert.Equal(JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);
        Assert.Equal(0, someoneElse.GetProperty("total").GetInt32());
        Assert.Equal(0, earlier.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_page_of_the_audit_search_costs_the_same_statements_however_many_rows_match()
    {
        using var admin = await fixture.ClientAsync("admin");
        var id = await NewSectorAsync(admin);

        var few = await fixture.App.Sql.Measure(async () => (await admin.GetAsync($"{Audit}?entityType=Sector&entityId={id}")).EnsureSuccessStatusCode());
        var many = await fixture.App.Sql.Measure(async () => (await admin.GetAsync($"{Audit}?pageSize=200")).EnsureSuccessStatusCode());

        Assert.Equal(few.Count, many.Count);
        Assert.Equal(2, many.Count(c => c.Contains("AuditEntries", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bad_audit_searches_are_400_naming_the_parameter()
    {
        using var auditor = await fixture.ClientAsync("auditor");

        var page = await (await auditor.GetAsync($"{Audit}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var period = await (await auditor.GetAsync($"{Audit}?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var cursor = await (await auditor.GetAsync($"{Audit}?cursor=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(page.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.True(period.GetProperty("errors").TryGetProperty("to", out _));
        Assert.True(cursor.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/export.csv")]
    [InlineData("/export.xlsx")]
    public async Task Only_admins_and_auditors_read_the_audit_trail(string suffix)
    {
        foreach (var role in new[] { "manager", "officer", "partner" })
        {
            using var client = await fixture.ClientAsync(role);
            await (await client.GetAsync(Audit + suffix)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = fixture.Anonymous();
        await (await anonymous.GetAsync(Audit + suffix)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var admin = await fixture.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Audit}{suffix}?entityType=Nothing")).StatusCode);
    }

    [Fact]
    public async Task The_audit_export_holds_the_searched_rows_as_csv_with_a_bom_and_as_xlsx()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var auditor = await fixture.ClientAsync("auditor");
        var id = await NewSectorAsync(admin);
        (await SendAsync(admin, HttpMethod.Put, $"{Sectors}/{id}", SectorBody("导出测试"), ETag(0))).EnsureSuccessStatusCode();
        var query = $"?entityType=Sector&entityId={id}";

        var csv = await auditor.GetAsync($"{Audit}/export.csv{query}");
        var xlsx = await auditor.GetAsync($"{Audit}/export.xlsx{query}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("编号,时间(UTC),用户,用户ID,对象类型,对象ID,操作,变更", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("修改", lines[1], StringComparison.Ordinal);
        Assert.Contains("导出测试", lines[1], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true, sheetName: "审计记录").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["修改", "新增"], rows.Select(r => r["操作"]?.ToString()));
        Assert.Equal(id.ToString(), rows[0]["对象ID"]?.ToString());
    }
}

public sealed class SqliteAdminCatalogApiTests(SqliteApp fixture) : AdminCatalogApiTests<SqliteApp>(fixture);

public sealed class PostgresAdminCatalogApiTests(PostgresApp fixture) : AdminCatalogApiTests<PostgresApp>(fixture);
