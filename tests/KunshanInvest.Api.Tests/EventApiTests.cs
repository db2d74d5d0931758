using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>Events and signing ceremonies, over SQLite and over PostgreSQL.</summary>
public abstract class EventApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Events = "/api/v1/events";

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> SectorAsync(string code) => WithDbAsync(db => db.Sectors.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    private Task<Guid> ParkAsync(string code) => WithDbAsync(db => db.Parks.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private Task<Guid> EventAsync(string code) => WithDbAsync(db => db.Events.Where(e => e.Code == code).Select(e => e.Id).SingleAsync());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    private static object NewEvent(string code, int? announcedProjects = null, long? announcedInvestmentFen = null) => new
    {
        code,
        nameZh = "测试招商推介会",
        nameEn = "Test investment briefing",
        kind = "Conference",
        startsOn = "2025-04-26",
        endsOn = "2025-04-26",
        place = "苏州",
        organiser = "苏州市人民政府",
        announcedProjects,
        announcedInvestmentFen,
    };

    private static HttpRequestMessage Put(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return request;
    }

    private async Task<Guid> CreateEventAsync(HttpClient manager, int? announcedProjects = null, long? announcedInvestmentFen = null)
    {
        var created = await manager.PostAsJsonAsync(Events, NewEvent(Unique("test-"), announcedProjects, announcedInvestmentFen));
        return (await JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private async Task<List<object>> RowsAsync(int count, string prefix)
    {
        var coffee = await SectorAsync("coffee");
        var park = await ParkAsync("kdz");
        return [.. Enumerable.Range(0, count).Select(i => (object)new
        {
            newEnterprise = new { nameZh = $"{prefix}签约企业{i:000}", country = i % 11 == 0 ? "US" : "CN" },
            projectName = $"{prefix}项目{i:000}",
            sectorId = coffee,
            parkId = park,
            pledgedInvestment = i % 11 == 0
                ? new { minorUnits = 1_000_000_00L * (i + 1), currency = "USD" }
                : new { minorUnits = 5_000_000_00L * (i + 1), currency = "CNY" },
        })];
    }

    [Fact]
    public async Task An_officer_reads_the_events_and_the_suzhou_conference_shows_its_announced_figures()
    {
        using var officer = await fixture.ClientAsync("officer");
        var suzhou = await EventAsync("suzhou-2025");

        var list = await JsonAsync(await officer.GetAsync(Events));
        var detail = await officer.GetAsync($"{Events}/{suzhou}");
        var signings = await JsonAsync(await officer.GetAsync($"{Events}/{suzhou}/signings"));

        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("code").GetString() == "coffee-conf-2025");
        Assert.Equal("W/\"0\"", detail.Headers.ETag!.ToString());
        Assert.Equal(55, (await JsonAsync(detail)).GetProperty("announcedProjects").GetInt32());
        Assert.Equal(55, signings.GetProperty("announcedProjects").GetInt32());
        Assert.Equal(4_418_000_000_000L, signings.GetProperty("announcedInvestmentFen").GetInt64());
        Assert.Equal(signings.GetProperty("items").GetArrayLength(), signings.GetProperty("recordedProjects").GetInt32());
    }

    [Fact]
    public async Task A_manager_creates_and_edits_an_event_with_its_version()
    {
        using var manager = await fixture.ClientAsync("manager");
        var code = Unique("roadshow-");

        var created = await manager.PostAsJsonAsync(Events, NewEvent(code, 12, 1_000_000_000_00L));
        var json = await JsonAsync(created);
        var id = json.GetProperty("id").GetGuid();
        var edit = new { nameZh = "德国路演", nameEn = "Germany roadshow", kind = "Roadshow", startsOn = "2026-03-02", endsOn = "2026-03-05", place = "Frankfurt", announcedProjects = 14 };
        var edited = await manager.SendAsync(Put($"{Events}/{id}", edit, created.Headers.ETag!.ToString()));
        var stale = await manager.SendAsync(Put($"{Events}/{id}", edit, created.Headers.ETag!.ToString()));
        var missing = await manager.SendAsync(Put($"{Events}/{id}", edit, null));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(code, json.GetProperty("code").GetString());
        var after = await JsonAsync(edited);
        Assert.Equal("Roadshow", after.GetProperty("kind").GetString());
        Assert.Equal(14, after.GetProperty("announcedProjects").GetInt32());
        Assert.Equal("W/\"1\"", edited.Headers.ETag!.ToString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Bad_event_input_is_400_naming_the_field()
    {
        using var manager = await fixture.ClientAsync("manager");
        var code = Unique("dup-");
        (await manager.PostAsJsonAsync(Events, NewEvent(code))).EnsureSuccessStatusCode();

        var backwards = await manager.PostAsJsonAsync(Events, new { code = Unique("bad-"), nameZh = "倒序", nameEn = "Backwards", kind = "Expo", startsOn = "2026-05-18", endsOn = "2026-05-16" });
        var taken = await manager.PostAsJsonAsync(Events, NewEvent(code));

        var problem = await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endsOn", out _), problem.ToString());
        problem = await taken.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _), problem.ToString());
    }

    [Fact]
    public async Task Officers_may_only_read_partners_and_auditors_may_not_even_read_and_strangers_must_sign_in()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var partner = await fixture.ClientAsync("partner");
        using var auditor = await fixture.ClientAsync("auditor");
        using var anonymous = fixture.Anonymous();
        var suzhou = await EventAsync("suzhou-2025");
        var rows = new { rows = await RowsAsync(1, Unique("无权")) };

        await (await officer.PostAsJsonAsync(Events, NewEvent(Unique("x-")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.SendAsync(Put($"{Events}/{suzhou}", new { nameZh = "x", nameEn = "x", kind = "Expo", startsOn = "2025-04-26", endsOn = "2025-04-26" }, "W/\"0\""))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync($"{Events}/{suzhou}/signings", rows)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { partner, auditor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(Events)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"{Events}/{suzhou}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"{Events}/{suzhou}/signings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"{Events}/{suzhou}/signings", rows)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Events)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"{Events}/{suzhou}/signings", rows)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_event_is_404()
    {
        using var manager = await fixture.ClientAsync("manager");
        var unknown = Guid.NewGuid();

        await (await manager.GetAsync($"{Events}/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Events}/{unknown}/signings")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"{Events}/{unknown}/signings", new { rows = await RowsAsync(1, Unique("无")) })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.SendAsync(Put($"{Events}/{unknown}", new { nameZh = "x", nameEn = "x", kind = "Expo", startsOn = "2025-04-26", endsOn = "2025-04-26" }, "W/\"0\""))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_ceremony_of_55_rows_with_one_bad_row_saves_nothing_and_fixed_saves_all_55_with_matching_totals()
    {
        using var manager = await fixture.ClientAsync("manager");
        var eventId = await CreateEventAsync(manager, 55, 4_418_000_000_000L);
        var prefix = Unique("大会");
        var rows = await RowsAsync(55, prefix);
        var good = rows[12];
        rows[12] = new
        {
            newEnterprise = new { nameZh = $"{prefix}签约企业012", country = "CN" },
            projectName = $"{prefix}项目012",
            sectorId = await SectorAsync("coffee"),
            parkId = Guid.NewGuid(),
            pledgedInvestment = new { minorUnits = 5_000_000_00L * 13, currency = "CNY" },
        };
        var (projectsBefore, enterprisesBefore) = await WithDbAsync(async db => (await db.Projects.CountAsync(), await db.Enterprises.CountAsync()));

        var rejected = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows });

        var problem = await rejected.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[12].parkId", out _), errors.ToString());
        Assert.Single(errors.EnumerateObject());
        Assert.Equal((projectsBefore, enterprisesBefore), await WithDbAsync(async db => (await db.Projects.CountAsync(), await db.Enterprises.CountAsync())));

        rows[12] = good;
        IReadOnlyList<string> statements = [];
        HttpResponseMessage saved = null!;
        statements = await fixture.App.Sql.Measure(async () => saved = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows }));
        var result = await JsonAsync(saved);
        var totals = await JsonAsync(await manager.GetAsync($"{Events}/{eventId}/signings"));

        Assert.Equal(55, result.GetProperty("count").GetInt32());
        Assert.Equal(55, result.GetProperty("newProjects").GetInt32());
        Assert.Equal(55, totals.GetProperty("announcedProjects").GetInt32());
        Assert.Equal(55, totals.GetProperty("recordedProjects").GetInt32());
        var cnyFen = Enumerable.Range(0, 55).Where(i => i % 11 != 0).Sum(i => 5_000_000_00L * (i + 1));
        var usdCents = Enumerable.Range(0, 55).Where(i => i % 11 == 0).Sum(i => 1_000_000_00L * (i + 1));
        Assert.Equal(cnyFen + ExchangeRate.Convert(usdCents, 7_180_000), totals.GetProperty("recordedPledgedFen").GetInt64());
        Assert.Equal(4_418_000_000_000L, totals.GetProperty("announcedInvestmentFen").GetInt64());
        var stages = await WithDbAsync(db => db.Projects.Where(p => p.EventId == eventId).Select(p => p.Stage).ToListAsync());
        Assert.Equal(55, stages.Count);
        Assert.All(stages, s => Assert.Equal(ProjectStage.Signed, s));
        var reads = statements.Count(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.True(reads <= 12, $"{reads} reads for 55 rows:\n{string.Join("\n---\n", statements)}");
    }

    [Fact]
    public async Task An_existing_project_without_park_or_pledge_is_a_422_naming_what_the_row_lacks()
    {
        using var manager = await fixture.ClientAsync("manager");
        var eventId = await CreateEventAsync(manager);
        var lead = await WithDbAsync(db => db.Projects
            .Where(p => p.Stage == ProjectStage.Lead && p.EnterpriseId != null && p.ParkId == null && p.PledgedInvestment == null)
            .Select(p => new { p.Id, EnterpriseId = p.EnterpriseId!.Value, p.Version })
            .FirstAsync());

        var response = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows = new[] { new { enterpriseId = lead.EnterpriseId, projectId = lead.Id } } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[0].parkId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[0].pledgedInvestment", out _), errors.ToString());
        var after = await WithDbAsync(db => db.Projects.Where(p => p.Id == lead.Id).Select(p => new { p.Stage, p.EventId, p.Version }).SingleAsync());
        Assert.Equal(ProjectStage.Lead, after.Stage);
        Assert.Null(after.EventId);
        Assert.Equal(lead.Version, after.Version);
    }

    [Fact]
    public async Task A_typed_enterprise_that_may_exist_is_a_row_error_until_the_row_confirms_it()
    {
        using var manager = await fixture.ClientAsync("manager");
        var eventId = await CreateEventAsync(manager);
        var existing = await WithDbAsync(db => db.Enterprises.Where(e => e.NameZh != null && e.CreditCode == null && e.MergedIntoId == null).Select(e => e.NameZh!).FirstAsync());
        object Row(bool confirm) => new
        {
            newEnterprise = new { nameZh = existing, country = "CN" },
            projectName = "二期",
            sectorId = Guid.Empty,
            parkId = Guid.Empty,
            pledgedInvestment = new { minorUnits = 1_000_000_00L, currency = "CNY" },
            confirmNotDuplicate = confirm,
        };
        var coffee = await SectorAsync("coffee");
        var park = await ParkAsync("kdz");
        object Fixed(bool confirm) => new
        {
            newEnterprise = new { nameZh = existing, country = "CN" },
            projectName = "二期",
            sectorId = coffee,
            parkId = park,
            pledgedInvestment = new { minorUnits = 1_000_000_00L, currency = "CNY" },
            confirmNotDuplicate = confirm,
        };

        var warned = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows = new[] { Fixed(false) } });
        var unknownRefs = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows = new[] { Row(true) } });
        var confirmed = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows = new[] { Fixed(true) } });

        var problem = await warned.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[0].newEnterprise", out _), problem.ToString());
        problem = await unknownRefs.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[0].sectorId", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[0].parkId", out _), problem.ToString());
        Assert.Equal(1, (await JsonAsync(confirmed)).GetProperty("newEnterprises").GetInt32());
    }

    [Fact]
    public async Task Bad_rows_are_400_naming_row_and_field()
    {
        using var manager = await fixture.ClientAsync("manager");
        var eventId = await CreateEventAsync(manager);
        var rows = new object[]
        {
            new { projectName = "没有企业" },
            new { newEnterprise = new { nameZh = "信用代码有误企业", creditCode = "91320583MA0DE0013D", country = "China" }, pledgedInvestment = new { minorUnits = -1L, currency = "rmb" } },
        };

        var response = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows });
        var empty = await manager.PostAsJsonAsync($"{Events}/{eventId}/signings", new { rows = Array.Empty<object>() });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var key in new[] { "rows[0].enterpriseId", "rows[1].newEnterprise.creditCode", "rows[1].newEnterprise.country", "rows[1].pledgedInvestment.minorUnits", "rows[1].pledgedInvestment.currency" })
        {
            Assert.True(errors.TryGetProperty(key, out _), $"{key} missing in {errors}");
        }

        Assert.True((await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("rows", out _));
    }
}

public sealed class SqliteEventApiTests(SqliteApp fixture) : EventApiTests<SqliteApp>(fixture);

public sealed class PostgresEventApiTests(PostgresApp fixture) : EventApiTests<PostgresApp>(fixture);
