using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>The staff slice's project endpoints, over SQLite and over PostgreSQL.</summary>
public abstract class ProjectApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> SectorAsync(string code) => WithDbAsync(db => db.Sectors.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    private Task<Guid> ParkAsync(string code) => WithDbAsync(db => db.Parks.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(Guid Id, string ETag)> NewLeadAsync(HttpClient client, string nameZh)
    {
        var created = await client.PostAsJsonAsync("/api/v1/projects", new
        {
            newEnterprise = new { nameZh, country = "DE", ownership = "Foreign" },
            sectorId = await SectorAsync("coffee"),
            source = "Expo",
            estimatedInvestment = new { minorUnits = 5_000_000_000L, currency = "CNY" },
        });
        var json = await JsonAsync(created);
        return (json.GetProperty("id").GetGuid(), created.Headers.ETag!.ToString());
    }

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return request;
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    [Fact]
    public async Task An_officer_logs_a_lead_for_a_new_enterprise_and_owns_it()
    {
        using var officer = await fixture.ClientAsync("officer");

        var (id, etag) = await NewLeadAsync(officer, Unique("测试咖啡烘焙"));

        Assert.Equal("W/\"0\"", etag);
        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/projects/{id}"));
        Assert.Matches(@"^KS-\d{4}-\d{5}$", detail.GetProperty("code").GetString());
        Assert.Equal("Lead", detail.GetProperty("stage").GetString());
        Assert.Contains("王晓", detail.GetProperty("ownerName").GetString(), StringComparison.Ordinal);
        Assert.Equal(5_000_000_000L, detail.GetProperty("estimatedInvestment").GetProperty("minorUnits").GetInt64());
        Assert.Equal("Contacted", detail.GetProperty("nextStage").GetString());
    }

    [Fact]
    public async Task A_typed_enterprise_that_already_exists_is_a_409_with_candidates_and_picking_it_warns_of_the_other_officers_project()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (enterpriseId, nameZh, otherProject) = await WithDbAsync(async db =>
        {
            var officer2 = await db.Users.Where(u => u.UserName == "officer2").Select(u => u.Id).SingleAsync();
            var p = await db.Projects.Where(p => p.OwnerId == officer2 && p.EnterpriseId != null && p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity)
                .OrderBy(p => p.Code).FirstAsync();
            var e = await db.Enterprises.SingleAsync(e => e.Id == p.EnterpriseId);
            return (e.Id, e.NameZh!, p.Code);
        });
        var variant = nameZh.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal).Replace("有限公司", "", StringComparison.Ordinal);
        var sector = await SectorAsync("food");

        var duplicate = await officer.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = variant }, sectorId = sector, source = "WalkIn" });
        var picked = await officer.PostAsJsonAsync("/api/v1/projects", new { enterpriseId, sectorId = sector, source = "WalkIn" });

        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("enterprise.possibleDuplicate", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("canConfirm").GetBoolean());
        Assert.Contains(problem.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("id").GetGuid() == enterpriseId);
        var lead = await JsonAsync(picked);
        Assert.Contains(lead.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("code").GetString() == otherProject);
        var notified = await WithDbAsync(db => db.Notifications.Where(n => n.Kind == "lead.conflict" && n.Link == $"/projects/{lead.GetProperty("id").GetGuid()}").CountAsync());
        Assert.True(notified >= 2, "both officers are told");
    }

    [Fact]
    public async Task Bad_lead_input_gives_400_naming_each_field_and_saves_nothing()
    {
        using var officer = await fixture.ClientAsync("officer");
        var before = await WithDbAsync(db => db.Projects.CountAsync());

        var noSector = await officer.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = Unique("无产业链") }, source = "WalkIn" });
        var badCode = await officer.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = Unique("坏代码"), creditCode = "91320583MA0DE0013D" }, sectorId = await SectorAsync("coffee"), source = "WalkIn" });
        var badEnum = await officer.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = Unique("坏来源") }, sectorId = await SectorAsync("coffee"), source = "Telepathy" });
        var negative = await officer.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = Unique("负数") }, sectorId = await SectorAsync("coffee"), source = "WalkIn", estimatedInvestment = new { minorUnits = -1, currency = "cny" } });

        Assert.True((await noSector.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sectorId", out _));
        var codeErrors = (await badCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(codeErrors.TryGetProperty("newEnterprise.creditCode", out var codeMessage), codeErrors.ToString());
        Assert.Contains("校验位", codeMessage.ToString(), StringComparison.Ordinal);
        await badEnum.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var moneyErrors = (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(moneyErrors.TryGetProperty("estimatedInvestment.minorUnits", out _) && moneyErrors.TryGetProperty("estimatedInvestment.currency", out _), moneyErrors.ToString());
        Assert.Equal(before, await WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Outsiders_cannot_read_or_log_projects(string userName)
    {
        using var client = await fixture.ClientAsync(userName);

        var list = await client.GetAsync("/api/v1/projects");
        var create = await client.PostAsJsonAsync("/api/v1/projects", new { newEnterprise = new { nameZh = "x" }, sectorId = Guid.NewGuid(), source = "WalkIn" });

        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_unknown_projects_404()
    {
        using var anonymous = fixture.Anonymous();
        using var officer = await fixture.ClientAsync("officer");

        await (await anonymous.GetAsync("/api/v1/projects")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await officer.GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signing_without_a_park_is_422_naming_it_then_succeeds_once_the_evidence_is_there()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, etag) = await NewLeadAsync(officer, Unique("签约测试"));
        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/projects/{id}"));

        var refused = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Signed" }, etag));

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var missing = problem.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("field").GetString()).ToList();
        Assert.Contains("parkId", missing);
        Assert.Contains("pledgedInvestment", missing);

        var placed = await officer.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/projects/{id}", new
        {
            name = detail.GetProperty("name").GetString(),
            enterpriseId = detail.GetProperty("enterpriseId").GetGuid(),
            sectorId = detail.GetProperty("sectorId").GetGuid(),
            parkId = await ParkAsync("kdz"),
            source = "Expo",
            isMajor = false,
            ownerId = detail.GetProperty("ownerId").GetGuid(),
        }, etag));
        Assert.Equal(HttpStatusCode.NoContent, placed.StatusCode);

        // 5000万, not flagged: not a major project, so 签约 needs no review (a major one would: ReviewApiTests, ADR 0032).
        var pledged = await officer.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/projects/{id}/figures", new
        {
            pledged = new { investment = new { minorUnits = 5_000_000_000L, currency = "CNY" }, jobs = 300, landMu = 45.5 },
        }, placed.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NoContent, pledged.StatusCode);
        var signed = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Signed", note = "签约仪式" }, pledged.Headers.ETag!.ToString()));

        var moved = await JsonAsync(signed);
        Assert.Equal("Signed", moved.GetProperty("to").GetString());
        Assert.True(moved.GetProperty("isJump").GetBoolean());
        var history = await JsonAsync(await officer.GetAsync($"/api/v1/projects/{id}/history"));
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "ParkId"));
    }

    [Fact]
    public async Task Moving_back_needs_a_manager_and_a_reason()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var (id, etag) = await NewLeadAsync(officer, Unique("回退测试"));
        var forward = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Negotiating" }, etag));
        var version = forward.Headers.ETag!.ToString();

        var byOfficer = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Lead", note = "重新评估" }, version));
        var noReason = await manager.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Lead" }, version));
        var withReason = await manager.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Lead", note = "投资方更换决策人,重新评估" }, version));

        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await noReason.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True((await JsonAsync(withReason)).GetProperty("isBackward").GetBoolean());
    }

    [Fact]
    public async Task A_stale_version_is_409_a_missing_one_428_and_another_officers_project_403()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var officer2 = await fixture.ClientAsync("officer2");
        var (id, etag) = await NewLeadAsync(officer, Unique("并发测试"));
        var first = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Contacted" }, etag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Negotiating" }, etag));
        var missing = await officer.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Negotiating" }, null));
        var foreign = await officer2.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/projects/{id}/stage", new { target = "Negotiating" }, first.Headers.ETag!.ToString()));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missing.ShouldBeProblemAsync((HttpStatusCode)428);
        await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var stage = await WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync());
        Assert.Equal(ProjectStage.Contacted, stage);
    }

    [Fact]
    public async Task A_manager_hands_a_project_to_another_officer_but_an_officer_cannot()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var (id, etag) = await NewLeadAsync(officer, Unique("移交测试"));
        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/projects/{id}"));
        var officer2 = await WithDbAsync(db => db.Users.Where(u => u.UserName == "officer2").Select(u => u.Id).SingleAsync());
        object Body(Guid owner) => new
        {
            name = detail.GetProperty("name").GetString(),
            enterpriseId = detail.GetProperty("enterpriseId").GetGuid(),
            sectorId = detail.GetProperty("sectorId").GetGuid(),
            source = "Expo",
            ownerId = owner,
        };

        var byOfficer = await officer.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/projects/{id}", Body(officer2), etag));
        var byManager = await manager.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/projects/{id}", Body(officer2), etag));

        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, byManager.StatusCode);
        Assert.Equal(officer2, await WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task The_list_filters_by_sector_and_stage_in_sql()
    {
        using var manager = await fixture.ClientAsync("manager");
        var coffee = await SectorAsync("coffee");

        var page = await JsonAsync(await manager.GetAsync($"/api/v1/projects?sector={coffee}&stage=Signed&stage=Registered&pageSize=200"));

        var expected = await WithDbAsync(db => db.Projects.CountAsync(p => p.SectorId == coffee && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Registered)));
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("coffee", i.GetProperty("sectorCode").GetString());
            Assert.Contains(i.GetProperty("stage").GetString(), new[] { "Signed", "Registered" });
        });
    }

    [Fact]
    public async Task The_stalled_filter_returns_only_projects_past_their_stage_limit()
    {
        using var manager = await fixture.ClientAsync("manager");

        var stalled = await JsonAsync(await manager.GetAsync("/api/v1/projects?stalled=true&pageSize=200"));

        var limits = new StalledLimits();
        var now = DateTime.UtcNow;
        var expected = await WithDbAsync(async db => (await db.Projects.Select(p => new { p.Stage, p.StageEnteredAtUtc }).ToListAsync())
            .Count(p => limits.IsStalled(p.Stage, p.StageEnteredAtUtc, now)));
        Assert.True(expected > 0, "the demo data holds stalled projects");
        Assert.Equal(expected, stalled.GetProperty("total").GetInt32());
        Assert.All(stalled.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("isStalled").GetBoolean()));
    }

    [Fact]
    public async Task Text_search_finds_by_code_project_name_and_enterprise_name()
    {
        using var officer = await fixture.ClientAsync("officer");
        var sample = await WithDbAsync(db => db.Projects.Where(p => p.EnterpriseId != null).OrderBy(p => p.Code)
            .Select(p => new { p.Code, Enterprise = db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.NameEn).Single() }).FirstAsync());

        var byCode = await JsonAsync(await officer.GetAsync($"/api/v1/projects?q={sample.Code.ToLowerInvariant()}"));
        var byEnterprise = await JsonAsync(await officer.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(sample.Enterprise!.ToUpperInvariant())}&pageSize=200"));

        Assert.Contains(byCode.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == sample.Code);
        Assert.Contains(byEnterprise.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == sample.Code);
    }

    [Theory]
    [InlineData("Code", false)]
    [InlineData("LastActivity", true)]
    [InlineData("Name", false)]
    [InlineData("Stage", true)]
    [InlineData("Created", true)]
    public async Task Keyset_paging_walks_every_project_once_in_order(string sort, bool descending)
    {
        using var manager = await fixture.ClientAsync("manager");
        var seen = new List<string>();
        string? cursor = null;
        int total;
        do
        {
            var url = $"/api/v1/projects?sort={sort}&desc={descending}&pageSize=7" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await JsonAsync(await manager.GetAsync(url));
            total = page.GetProperty("total").GetInt32();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count <= total);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        if (sort == "Code")
        {
            Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        }
    }

    [Fact]
    public async Task A_bad_cursor_or_page_size_is_400()
    {
        using var officer = await fixture.ClientAsync("officer");

        await (await officer.GetAsync("/api/v1/projects?cursor=not-a-cursor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/projects?pageSize=100000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/projects?stage=Flying")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_list_and_the_detail_use_a_fixed_number_of_statements_whatever_the_page_size()
    {
        using var manager = await fixture.ClientAsync("manager");
        var id = await WithDbAsync(db => db.Projects.OrderByDescending(p => p.Stage).Select(p => p.Id).FirstAsync());

        var small = await fixture.App.Sql.Measure(async () => (await manager.GetAsync("/api/v1/projects?pageSize=2")).EnsureSuccessStatusCode());
        var large = await fixture.App.Sql.Measure(async () => (await manager.GetAsync("/api/v1/projects?pageSize=200")).EnsureSuccessStatusCode());
        var detail = await fixture.App.Sql.Measure(async () => (await manager.GetAsync($"/api/v1/projects/{id}")).EnsureSuccessStatusCode());

        Assert.Equal(small.Count, large.Count);
        Assert.True(large.Count <= 4, string.Join("\n---\n", large));
        // The project with its stage changes, the names, the people, its verified sums, the gates' milestones and sums.
        Assert.True(detail.Count <= 5, string.Join("\n---\n", detail));
    }
}

public sealed class SqliteProjectApiTests(SqliteApp fixture) : ProjectApiTests<SqliteApp>(fixture);

public sealed class PostgresProjectApiTests(PostgresApp fixture) : ProjectApiTests<PostgresApp>(fixture);
