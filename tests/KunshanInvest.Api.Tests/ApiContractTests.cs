using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>The same endpoint contract, run over SQLite and over a real PostgreSQL server.</summary>
public abstract class ApiContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Seeding_loads_the_article_facts_and_demo_data_and_a_second_run_adds_nothing()
    {
        var app = fixture.App;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var codes = await db.Sectors.Select(s => s.Code).ToListAsync();
        Assert.All(new[] { "coffee", "food", "display", "solid-state-battery", "medical-aesthetics" }, code => Assert.Contains(code, codes));
        Assert.Equal(5, await db.Parks.CountAsync());
        // The article's sixteen, and 友达光电 (AUO, Kunshan's panel plant): the alias example of issue 16 (AUO = 友达).
        Assert.Equal(17, await db.Enterprises.CountAsync(e => !e.IsDemo));
        var suzhou = await db.Events.SingleAsync(e => e.Code == "suzhou-2025");
        Assert.Equal(55, suzhou.AnnouncedProjects);
        Assert.Equal(44_180_000_000L * 100, suzhou.AnnouncedInvestmentFen);
        Assert.Equal(30, await db.Projects.CountAsync(p => p.IsDemo));
        var stagesCovered = await db.Projects.Select(p => p.Stage).Distinct().CountAsync();
        Assert.Equal(12, stagesCovered);

        var before = await db.AuditEntries.CountAsync();
        var report = await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(demo: true, CancellationToken.None);

        Assert.Equal(0, report.TotalAdded);
        Assert.True(report.Counts["projects (demo)"].Present == 30, report.ToString());
        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Sector_overview_sums_live_projects_and_pledges_in_sql()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/sectors/overview");

        response.EnsureSuccessStatusCode();
        var overview = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sectors = overview.GetProperty("sectors").EnumerateArray().ToList();
        Assert.True(sectors.Count >= 5);

        // Independently: the demo projects minus the two lost ones, and CNY pledges as seeded.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var live = await db.Projects.AsNoTracking().Where(p => p.Stage != Domain.Projects.ProjectStage.Lost).ToListAsync();
        Assert.Equal(live.Count, sectors.Sum(s => s.GetProperty("projectCount").GetInt32()));
        var coffee = await db.Sectors.SingleAsync(s => s.Code == "coffee");
        var coffeeCnyPledged = live.Where(p => p.SectorId == coffee.Id && p.PledgedInvestment is { Currency: "CNY" }).Sum(p => p.PledgedInvestment!.MinorUnits);
        var coffeeRow = sectors.Single(s => s.GetProperty("code").GetString() == "coffee");
        Assert.True(coffeeRow.GetProperty("pledgedFen").GetInt64() >= coffeeCnyPledged);
        Assert.Equal(0, overview.GetProperty("unconvertedCurrencies").GetArrayLength());
    }

    [Fact]
    public async Task Creating_a_sector_with_bad_fields_gives_400_naming_each_field()
    {
        using var admin = await fixture.ClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/sectors", new { code = "Not A Code!", nameZh = "", nameEn = new string('x', 300) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("nameZh", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("nameEn", out _), errors.ToString());
    }

    [Fact]
    public async Task Malformed_json_gives_400_problem_details_not_500()
    {
        using var admin = await fixture.ClientAsync("admin");

        var response = await admin.PostAsync("/api/v1/sectors", new StringContent("{\"code\": 42,", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("manager")]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Only_an_admin_may_open_a_sector(string userName)
    {
        using var client = await fixture.ClientAsync(userName);

        var response = await client.PostAsJsonAsync("/api/v1/sectors", new { code = $"low-altitude-{userName}", nameZh = "低空飞行器", nameEn = "Low-altitude aircraft" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Outsiders_of_the_bureau_get_403_on_the_overview(string userName)
    {
        using var client = await fixture.ClientAsync(userName);

        var response = await client.GetAsync("/api/v1/sectors/overview");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details()
    {
        using var client = fixture.Anonymous();

        var response = await client.GetAsync("/api/v1/sectors/overview");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_gives_401_and_no_token()
    {
        using var client = fixture.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer", password = "wrong-Password1" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_opens_a_sector_once_and_the_change_is_audited()
    {
        using var admin = await fixture.ClientAsync("admin");
        var code = $"embodied-ai-{Guid.NewGuid():N}"[..24];

        var created = await admin.PostAsJsonAsync("/api/v1/sectors", new { code, nameZh = "具身智能", nameEn = "Embodied AI" });
        var again = await admin.PostAsJsonAsync("/api/v1/sectors", new { code, nameZh = "具身智能", nameEn = "Embodied AI" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var sector = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = sector.GetProperty("id").GetString();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Sector" && a.EntityId == id);
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal("admin", audit.ActorName);
        Assert.Contains("具身智能", JsonSerializer.Deserialize<JsonElement>(audit.Changes).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_api_routes_give_404_problem_details()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_without_a_json_content_type_gives_415_problem_details()
    {
        using var admin = await fixture.ClientAsync("admin");

        var response = await admin.PostAsync("/api/v1/sectors", new StringContent("code=x", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_ui_cookie_signs_in_through_the_form_with_antiforgery_and_reaches_the_api()
    {
        var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "manager", ["password"] = AppFixture.DemoPassword }));
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "manager", ["password"] = AppFixture.DemoPassword, ["returnUrl"] = "/projects", ["__RequestVerificationToken"] = token,
        }));
        var overview = await client.GetAsync("/api/v1/sectors/overview");
        var logoutWithoutToken = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/projects", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, logoutWithoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sectors/overview")).StatusCode);
    }

    [Fact]
    public async Task A_ceremony_table_with_a_null_row_is_400_not_500()
    {
        using var admin = await fixture.ClientAsync("admin");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events.Where(e => e.Code == "suzhou-2025").Select(e => e.Id).SingleAsync();

        var response = await admin.PostAsync($"/api/v1/events/{id}/signings", new StringContent("{\"rows\":[null]}", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_probes_answer()
    {
        using var client = fixture.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/sectors/overview", out _));
    }
}

public sealed class SqliteApiTests(SqliteApp fixture) : ApiContractTests<SqliteApp>(fixture);

public sealed class PostgresApiTests(PostgresApp fixture) : ApiContractTests<PostgresApp>(fixture);
