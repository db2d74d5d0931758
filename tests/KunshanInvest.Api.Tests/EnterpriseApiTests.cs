using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The enterprise and contact endpoints, over SQLite and over a real PostgreSQL server. The database is shared by the
/// tests of a class and holds the demo data, so each test makes its own names with <see cref="Token"/>.
/// </summary>
public abstract class EnterpriseApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Enterprises = "/api/v1/enterprises";

    /// <summary>A fresh lower-case token: names built on it match nothing seeded nor any other test's.</summary>
    private static string Token() => Guid.NewGuid().ToString("N")[..12];

    private static string NewCreditCode()
    {
        var first17 = "91320583" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static object Body(string? nameZh, string? nameEn, string? creditCode = null, bool confirm = false, string country = "CN", string ownership = "Domestic") =>
        new { nameZh, nameEn, creditCode, country, ownership, fortune500 = false, listed = false, website = (string?)null, note = (string?)null, confirmNotDuplicate = confirm };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> CreateAsync(HttpClient client, string? nameZh, string? nameEn, string? creditCode = null) =>
        await CreatedAsync(await client.PostAsJsonAsync(Enterprises, Body(nameZh, nameEn, creditCode)));

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static string ETag(int version) => $"W/\"{version}\"";

    private AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    // ---------- create ----------

    [Fact]
    public async Task Creating_an_enterprise_gives_201_with_location_etag_and_the_detail()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var code = NewCreditCode();

        var response = await officer.PostAsJsonAsync(Enterprises, new
        {
            nameZh = $"福斯咖啡{token}(昆山)有限公司",
            nameEn = $"Fourth Coffee {token} (Kunshan) Co., Ltd.",
            creditCode = code.ToLowerInvariant(),
            country = "US",
            ownership = "Foreign",
            fortune500 = true,
            listed = true,
            website = "https://fourthcoffee.example",
            note = "咖啡烘焙",
        });

        var created = await CreatedAsync(response);
        Assert.Equal($"/api/v1/enterprises/{Id(created)}", response.Headers.Location?.OriginalString);
        Assert.Equal(ETag(0), response.Headers.ETag?.ToString());
        Assert.Equal(code, created.GetProperty("creditCode").GetString());
        Assert.Equal("Foreign", created.GetProperty("ownership").GetString());
        Assert.True(created.GetProperty("fortune500").GetBoolean());
        Assert.Equal(0, created.GetProperty("contacts").GetArrayLength());
        Assert.Equal("Created", created.GetProperty("history")[0].GetProperty("action").GetString());
        Assert.Equal("officer", created.GetProperty("history")[0].GetProperty("actor").GetString());

        var read = await officer.GetAsync(response.Headers.Location);
        read.EnsureSuccessStatusCode();
        Assert.Equal(ETag(0), read.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("91320583MA0DE0013X", "校验位")]       // wrong check character
    [InlineData("91320583MA0DE0013", "18 位")]         // one short
    [InlineData("91320583MA0DE0I13C", "I、O、S、V、Z")] // a letter the code never uses
    public async Task A_bad_credit_code_gives_400_naming_creditCode_and_what_is_wrong(string code, string expected)
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsJsonAsync(Enterprises, Body($"校验测试{Token()}", null, code));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("creditCode");
        Assert.Contains(expected, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_fields_give_400_naming_each_field()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsJsonAsync(Enterprises, new { nameZh = "", nameEn = " ", country = "usa", ownership = "Foreign", website = "ftp://x.example", note = new string('x', 2001) });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "nameZh", "nameEn", "country", "website", "note" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }
    }

    [Fact]
    public async Task A_same_name_answers_409_with_candidates_then_201_when_confirmed()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var existing = await CreateAsync(officer, $"瑞幸咖啡{token}（中国）有限公司", $"Luckin {token} Coffee (China) Co., Ltd.");

        var first = await officer.PostAsJsonAsync(Enterprises, Body(null, $"LUCKIN {token.ToUpperInvariant()} COFFEE (CHINA)"));
        var problem = await first.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("canConfirm").GetBoolean());
        var candidate = Assert.Single(problem.GetProperty("candidates").EnumerateArray());
        Assert.Equal(Id(existing), Id(candidate));
        Assert.Equal("sameName", candidate.GetProperty("reason").GetString());
        Assert.Equal(existing.GetProperty("nameZh").GetString(), candidate.GetProperty("nameZh").GetString());

        var confirmed = await officer.PostAsJsonAsync(Enterprises, Body(null, $"LUCKIN {token.ToUpperInvariant()} COFFEE (CHINA)", confirm: true));
        await CreatedAsync(confirmed);
    }

    [Fact]
    public async Task A_taken_credit_code_answers_409_even_when_confirmed()
    {
        using var officer = await fixture.ClientAsync("officer");
        var code = NewCreditCode();
        var existing = await CreateAsync(officer, $"代码测试{Token()}", null, code);

        var response = await officer.PostAsJsonAsync(Enterprises, Body($"另一家公司{Token()}", null, code, confirm: true));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.False(problem.GetProperty("canConfirm").GetBoolean());
        var candidate = Assert.Single(problem.GetProperty("candidates").EnumerateArray());
        Assert.Equal(Id(existing), Id(candidate));
        Assert.Equal("sameCreditCode", candidate.GetProperty("reason").GetString());
        Assert.Equal(code, candidate.GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task The_duplicate_check_while_typing_lists_candidates()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var code = NewCreditCode();
        var existing = await CreateAsync(officer, $"科霍{token}咖啡贸易有限公司", null, code);

        var byName = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/duplicates?nameEn={Uri.EscapeDataString($"科霍{token}咖啡贸易")}");
        var byCode = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/duplicates?creditCode={code.ToLowerInvariant()}");
        var itself = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/duplicates?creditCode={code}&exceptId={Id(existing)}");
        var nothing = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/duplicates");

        Assert.Equal(Id(existing), Id(Assert.Single(byName.EnumerateArray())));
        Assert.Equal("sameCreditCode", Assert.Single(byCode.EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(0, itself.GetArrayLength());
        Assert.Equal(0, nothing.GetArrayLength());
    }

    // ---------- update ----------

    [Fact]
    public async Task Updating_with_the_current_etag_saves_bumps_the_etag_and_records_history()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var created = await CreateAsync(officer, $"更新测试{token}", null);

        var response = await officer.SendAsync(Request(HttpMethod.Put, $"{Enterprises}/{Id(created)}", Body($"更新测试{token}", $"Update Test {token}", country: "DE", ownership: "Foreign"), ETag(0)));

        response.EnsureSuccessStatusCode();
        Assert.Equal(ETag(1), response.Headers.ETag?.ToString());
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DE", updated.GetProperty("country").GetString());
        var history = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{Id(created)}/history");
        Assert.Equal(["Updated", "Created"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var changes = history[0].GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "Country" && c.GetProperty("old").GetString() == "CN" && c.GetProperty("new").GetString() == "DE");
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_gives_409_and_without_one_428()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var created = await CreateAsync(officer, $"并发测试{token}", null);
        var path = $"{Enterprises}/{Id(created)}";
        (await officer.SendAsync(Request(HttpMethod.Put, path, Body($"并发测试{token}", null, country: "JP"), ETag(0)))).EnsureSuccessStatusCode();

        var stale = await officer.SendAsync(Request(HttpMethod.Put, path, Body($"并发测试{token}", null, country: "KR"), ETag(0)));
        var missing = await officer.SendAsync(Request(HttpMethod.Put, path, Body($"并发测试{token}", null, country: "KR")));
        var malformed = await officer.SendAsync(Request(HttpMethod.Put, path, Body($"并发测试{token}", null, country: "KR"), "\"abc\""));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await malformed.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var current = await officer.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("JP", current.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Updating_with_a_bad_credit_code_gives_400_naming_creditCode()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var created = await CreateAsync(officer, $"更新校验{token}", null);
        var wrongCheck = NewCreditCode() is var code ? code[..^1] + (code[^1] == '0' ? '1' : '0') : null;

        var response = await officer.SendAsync(Request(HttpMethod.Put, $"{Enterprises}/{Id(created)}", Body($"更新校验{token}", null, wrongCheck), ETag(0)));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("creditCode", out _), errors.ToString());
    }

    // ---------- list ----------

    [Fact]
    public async Task The_list_finds_by_chinese_name_english_name_in_any_case_and_credit_code_prefix()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var code = NewCreditCode();
        var target = await CreateAsync(officer, $"搜索{token}食品有限公司", $"Search {token} Foods Co., Ltd.", code);
        await CreateAsync(officer, $"无关{Token()}", $"Unrelated {Token()}");

        foreach (var q in new[] { $"搜索{token}", $"SEARCH {token.ToUpperInvariant()} FOODS", $"search {token} foods co., ltd.", code[..14].ToLowerInvariant() })
        {
            var response = await officer.GetAsync($"{Enterprises}?q={Uri.EscapeDataString(q)}");
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count == 1, $"q={q}: {page}");
            Assert.Equal(Id(target), Id(items[0]));
            Assert.Equal(0, items[0].GetProperty("projectCount").GetInt32());
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        }
    }

    [Fact]
    public async Task The_list_filters_by_country_and_ownership_and_counts_projects()
    {
        using var officer = await fixture.ClientAsync("officer");

        var page = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}?country=us&ownership=Foreign&pageSize={Application.Common.Paging.Cursor.MaxPageSize}");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(("US", "Foreign"), (i.GetProperty("country").GetString(), i.GetProperty("ownership").GetString())));
        var fourth = items.Single(i => i.GetProperty("nameEn").GetString() == "Fourth Coffee (Kunshan) Co., Ltd.");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var expected = await Db(scope).Projects.CountAsync(p => p.EnterpriseId == Guid.Parse(Id(fourth)));
        Assert.True(expected > 0);
        Assert.Equal(expected, fourth.GetProperty("projectCount").GetInt32());
    }

    [Fact]
    public async Task Keyset_paging_walks_every_page_without_overlap()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var ids = new List<string>();
        foreach (var name in new[] { "甲", "乙", "丙", "丁", "戊", "己", "庚" })
        {
            ids.Add(Id(await CreateAsync(officer, null, $"Paging {token} {name}")));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}?q=paging%20{token}&pageSize=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(7, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("country=usa", "country")]
    public async Task Bad_list_parameters_give_400_naming_the_parameter(string query, string field)
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.GetAsync($"{Enterprises}?{query}");

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    // ---------- statement counts ----------

    [Fact]
    public async Task The_list_and_the_detail_send_the_same_number_of_statements_for_5_or_40_rows()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var enterpriseId = Guid.Parse(Id(await CreateAsync(officer, $"计数{token}总部", null)));
        await AddRowsAsync(token, enterpriseId, from: 0, to: 5);

        var list5 = await fixture.App.Sql.Measure(() => officer.GetFromJsonAsync<JsonElement>($"{Enterprises}?q={token}&pageSize=200"));
        var detail5 = await fixture.App.Sql.Measure(() => officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{enterpriseId}"));

        await AddRowsAsync(token, enterpriseId, from: 5, to: 40);
        JsonElement page = default, detail = default;
        var list40 = await fixture.App.Sql.Measure(async () => page = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}?q={token}&pageSize=200"));
        var detail40 = await fixture.App.Sql.Measure(async () => detail = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{enterpriseId}"));

        Assert.Equal(41, page.GetProperty("total").GetInt32());
        Assert.Equal(40, detail.GetProperty("contacts").GetArrayLength());
        Assert.Equal(40, detail.GetProperty("projects").GetArrayLength());
        Assert.True(list5.Count == list40.Count, $"list: {list5.Count} statements for 5 rows, {list40.Count} for 40");
        Assert.True(detail5.Count == detail40.Count, $"detail: {detail5.Count} statements for 5 rows, {detail40.Count} for 40");
        Assert.InRange(list40.Count, 1, 3);   // the page and the total (plus any per-request sign-in check)
        Assert.InRange(detail40.Count, 1, 5); // enterprise, contacts, projects, history
    }

    /// <summary>Enterprises named after <paramref name="token"/>, each with a project, and contacts and projects of <paramref name="enterpriseId"/>.</summary>
    private async Task AddRowsAsync(string token, Guid enterpriseId, int from, int to)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = Db(scope);
        var owner = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        for (var i = from; i < to; i++)
        {
            var enterprise = new Enterprise(null, $"Count {token} {i:00}", "CN", Ownership.Domestic);
            var theirs = new InvestmentProject($"E{token[..8]}-{i:000}", $"项目 {i}", SourceChannel.Expo, owner, now);
            theirs.Place(enterprise.Id, null, null);
            var ours = new InvestmentProject($"P{token[..8]}-{i:000}", $"总部项目 {i}", SourceChannel.Expo, owner, now);
            ours.Place(enterpriseId, null, null);
            var contact = new Contact(enterpriseId, $"联系人 {i:00}");
            contact.Reach("经理", "+86 512 5550 0000", $"c{i}@example.com", null);
            db.AddRange(enterprise, theirs, ours, contact);
        }

        await db.SaveChangesAsync();
    }

    // ---------- merge ----------

    [Fact]
    public async Task Merging_moves_contacts_and_projects_and_the_credit_code_to_the_survivor()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var code = NewCreditCode();
        var survivor = await CreateAsync(officer, null, $"Merge Survivor {token}");
        var source = await CreateAsync(officer, $"合并来源{token}", null, code);
        var contact = await CreatedAsync(await officer.PostAsJsonAsync($"{Enterprises}/{Id(source)}/contacts", new { name = "王五", email = "wang.wu@example.com" }));

        using var manager = await fixture.ClientAsync("manager");
        var byOfficer = await officer.SendAsync(Request(HttpMethod.Post, $"{Enterprises}/{Id(source)}/merge-into/{Id(survivor)}?survivorVersion=0", ifMatch: ETag(0)));
        var response = await manager.SendAsync(Request(HttpMethod.Post, $"{Enterprises}/{Id(source)}/merge-into/{Id(survivor)}?survivorVersion=0", ifMatch: ETag(0)));

        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        response.EnsureSuccessStatusCode();
        var merged = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Id(survivor), Id(merged));
        Assert.Equal(code, merged.GetProperty("creditCode").GetString());
        Assert.Equal($"合并来源{token}", merged.GetProperty("nameZh").GetString());
        Assert.Equal(Id(contact), Id(Assert.Single(merged.GetProperty("contacts").EnumerateArray())));

        var retired = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{Id(source)}");
        Assert.Equal(Id(survivor), Id(retired.GetProperty("mergedInto")));
        Assert.Equal(JsonValueKind.Null, retired.GetProperty("creditCode").ValueKind);
        var list = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}?q={token}");
        Assert.Equal([Id(survivor)], list.GetProperty("items").EnumerateArray().Select(Id));

        var again = await manager.PostAsync($"{Enterprises}/{Id(source)}/merge-into/{Id(survivor)}", null);
        await again.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var edit = await officer.SendAsync(Request(HttpMethod.Put, $"{Enterprises}/{Id(source)}", Body($"合并来源{token}", null), ETag(retired.GetProperty("version").GetInt32())));
        await edit.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var contactOfRetired = await officer.PostAsJsonAsync($"{Enterprises}/{Id(source)}/contacts", new { name = "孙八" });
        await contactOfRetired.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Merging_with_a_stale_etag_gives_409_and_into_itself_400()
    {
        using var officer = await fixture.ClientAsync("officer");
        var token = Token();
        var survivor = await CreateAsync(officer, $"合并保留{token}", null);
        var source = await CreateAsync(officer, $"合并过期{token}", null);

        using var manager = await fixture.ClientAsync("manager");
        var stale = await manager.SendAsync(Request(HttpMethod.Post, $"{Enterprises}/{Id(source)}/merge-into/{Id(survivor)}", ifMatch: ETag(5)));
        var itself = await manager.PostAsync($"{Enterprises}/{Id(source)}/merge-into/{Id(source)}", null);

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var errors = (await itself.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("survivorId", out _), errors.ToString());
        var unchanged = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{Id(source)}");
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("mergedInto").ValueKind);
    }

    // ---------- contacts ----------

    [Fact]
    public async Task A_contact_is_added_read_edited_with_its_etag_and_removed()
    {
        using var officer = await fixture.ClientAsync("officer");
        var enterprise = await CreateAsync(officer, $"联系人测试{Token()}", null);

        var added = await officer.PostAsJsonAsync($"{Enterprises}/{Id(enterprise)}/contacts", new { name = " 赵六 ", title = "总经理", phone = "+86 512 5550 0199", email = "zhao.liu@example.com", weChat = "zhaoliu" });
        var contact = await CreatedAsync(added);
        Assert.Equal("赵六", contact.GetProperty("name").GetString());
        Assert.Equal(ETag(0), added.Headers.ETag?.ToString());
        var read = await officer.GetAsync(added.Headers.Location);
        read.EnsureSuccessStatusCode();
        Assert.Equal(ETag(0), read.Headers.ETag?.ToString());

        var path = $"/api/v1/contacts/{Id(contact)}";
        var edited = await officer.SendAsync(Request(HttpMethod.Put, path, new { name = "赵六", title = "董事长" }, ETag(0)));
        edited.EnsureSuccessStatusCode();
        Assert.Equal(ETag(1), edited.Headers.ETag?.ToString());
        var detail = await officer.GetFromJsonAsync<JsonElement>($"{Enterprises}/{Id(enterprise)}");
        var listed = Assert.Single(detail.GetProperty("contacts").EnumerateArray());
        Assert.Equal("董事长", listed.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("phone").ValueKind);

        var staleEdit = await officer.SendAsync(Request(HttpMethod.Put, path, new { name = "赵六" }, ETag(0)));
        var missingEtag = await officer.SendAsync(Request(HttpMethod.Put, path, new { name = "赵六" }));
        var staleRemove = await officer.SendAsync(Request(HttpMethod.Delete, path, ifMatch: ETag(0)));
        await staleEdit.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missingEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await staleRemove.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var removed = await officer.SendAsync(Request(HttpMethod.Delete, path, ifMatch: ETag(1)));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await officer.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.DeleteAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"钱七\",\"email\":\"qian.qi\"}", "email")]
    [InlineData("{\"name\":\"钱七\",\"phone\":\"call me\"}", "phone")]
    public async Task A_bad_contact_gives_400_naming_the_field(string json, string field)
    {
        using var officer = await fixture.ClientAsync("officer");
        var enterprise = await CreateAsync(officer, $"联系人校验{Token()}", null);

        var response = await officer.PostAsync($"{Enterprises}/{Id(enterprise)}/contacts", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    // ---------- access and unknown ids ----------

    /// <summary>Every endpoint of the feature; "{id}" stands for an id nobody has.</summary>
    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", Enterprises),
        ("GET", $"{Enterprises}/duplicates?nameZh=x"),
        ("POST", Enterprises),
        ("GET", $"{Enterprises}/{{id}}"),
        ("PUT", $"{Enterprises}/{{id}}"),
        ("POST", $"{Enterprises}/{{id}}/merge-into/{Guid.NewGuid()}"),
        ("GET", $"{Enterprises}/{{id}}/history"),
        ("POST", $"{Enterprises}/{{id}}/contacts"),
        ("GET", "/api/v1/contacts/{id}"),
        ("PUT", "/api/v1/contacts/{id}"),
        ("DELETE", "/api/v1/contacts/{id}"),
    ];

    public static TheoryData<string, string> AllEndpoints() => Rows(Endpoints);

    public static TheoryData<string, string> EndpointsWithAnId() => Rows(Endpoints.Where(e => e.Path.Contains("{id}", StringComparison.Ordinal)));

    private static TheoryData<string, string> Rows(IEnumerable<(string Method, string Path)> endpoints)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (method, path) in endpoints)
        {
            rows.Add(method, path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        }

        return rows;
    }

    private static HttpRequestMessage Any(string method, string path) =>
        Request(new HttpMethod(method), path, method is "POST" or "PUT" ? new { name = "x", nameZh = "x", country = "CN", ownership = "Domestic" } : null, method == "PUT" ? ETag(0) : null);

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Partners_and_auditors_get_403_and_anonymous_callers_401(string method, string path)
    {
        using var partner = await fixture.ClientAsync("partner");
        using var auditor = await fixture.ClientAsync("auditor");
        using var anonymous = fixture.Anonymous();

        await (await partner.SendAsync(Any(method, path))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await auditor.SendAsync(Any(method, path))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.SendAsync(Any(method, path))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(EndpointsWithAnId))]
    public async Task An_unknown_id_gives_404(string method, string path)
    {
        using var manager = await fixture.ClientAsync("manager");

        var response = await manager.SendAsync(Any(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Merging_into_an_unknown_survivor_gives_404()
    {
        using var officer = await fixture.ClientAsync("officer");
        var source = await CreateAsync(officer, $"合并未知{Token()}", null);

        using var manager = await fixture.ClientAsync("manager");
        var response = await manager.PostAsync($"{Enterprises}/{Id(source)}/merge-into/{Guid.NewGuid()}", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_enterprise_endpoints()
    {
        using var client = fixture.Anonymous();

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/enterprises", out _));
        Assert.True(paths.TryGetProperty("/api/v1/enterprises/{id}/merge-into/{survivorId}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/contacts/{id}", out _));
    }
}

public sealed class SqliteEnterpriseApiTests(SqliteApp fixture) : EnterpriseApiTests<SqliteApp>(fixture);

public sealed class PostgresEnterpriseApiTests(PostgresApp fixture) : EnterpriseApiTests<PostgresApp>(fixture);
