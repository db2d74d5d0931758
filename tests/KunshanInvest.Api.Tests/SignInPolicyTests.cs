using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>等保: no seeded account is usable outside Development until its password changes; demo accounts only with demo data.</summary>
public sealed class SignInPolicyTests
{
    private static string SqliteFile() => $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("ki-policy-").FullName, "p.db")}";

    [Fact]
    public async Task Outside_development_a_seeded_account_must_change_its_password_before_any_token()
    {
        const string Configured = "Zone#Demo-7741";
        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile(), environment: "Production").WithWebHostBuilder(b => b.UseSetting("Seed:DemoPassword", Configured));
        using var client = app.CreateClient();

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = Configured });
        var weak = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = "admin", currentPassword = Configured, newPassword = "alllowercase" });
        var same = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = "admin", currentPassword = Configured, newPassword = Configured });
        var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = "admin", currentPassword = Configured, newPassword = "Kunshan-1984" });
        var adminAfterChange = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Kunshan-1984" });
        var managerRefused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "manager", password = Configured });
        var managerChanged = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = "manager", currentPassword = Configured, newPassword = "Kunshan-1985" });
        var accepted = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "manager", password = "Kunshan-1985" });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password_change_required", problem.GetProperty("code").GetString());
        await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await same.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        // Outside Development the demo admin has no published authenticator key: it must enrol one (in the browser) first.
        Assert.Equal("two_factor_enrolment_required", (await adminAfterChange.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("password_change_required", (await managerRefused.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, managerChanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(string.IsNullOrEmpty((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Without_demo_data_no_account_exists_and_the_reference_data_still_loads()
    {
        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile(), environment: "Production").WithWebHostBuilder(b => b.UseSetting("Seed:Demo", "false"));
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AppFixture.DemoPassword });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Projects.CountAsync());
        Assert.Equal(5, await db.Sectors.CountAsync());
    }

    [Fact]
    public void Outside_development_demo_data_with_the_published_password_refuses_to_start()
    {
        using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile(), environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Seed:DemoPassword", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile());
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = $"Wrong-{i}-pass" });
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = AppFixture.DemoPassword });

        var problem = await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", problem.GetProperty("title").GetString(), StringComparison.Ordinal); // zh-CN: no Accept-Language
    }

    [Fact]
    public async Task A_password_reset_forgets_earlier_failed_attempts()
    {
        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile());
        using var client = app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = $"Wrong-{i}-pass" });
        }

        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AppFixture.DemoPassword, twoFactorCode = await app.AdminCodeAsync() });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "officer2").Select(u => u.Id).SingleAsync();
            var reset = await admin.PostAsJsonAsync($"/api/v1/admin/users/{id}/reset-password", new { password = "Temp#Pass-2026" });
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = "Wrong-5-pass" });
        var afterReset = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = "Temp#Pass-2026" });

        var problem = await afterReset.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password_change_required", problem.GetProperty("code").GetString());
    }
}
