using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Users (Admin), over SQLite and PostgreSQL. Tests that sign in, disable or demote use accounts they create
/// themselves: the database is shared by the tests of a class.
/// </summary>
public abstract partial class AdminUserApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Users = "/api/v1/admin/users";
    private const string TempPassword = "Temp#2026a";
    private const string OwnPassword = "Kunshan#2026b";

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<Guid> SectorAsync(string code) => WithDbAsync(db => db.Sectors.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(Guid Id, string UserName)> CreateAsync(params string[] roles)
    {
        using var admin = await fixture.ClientAsync("admin");
        var userName = Unique("u");
        var created = await JsonAsync(await admin.PostAsJsonAsync(Users, new { userName, displayName = "测试用户 " + userName, email = $"{userName}@test.kunshan", roles, password = TempPassword }));
        return (created.GetProperty("id").GetGuid(), userName);
    }

    /// <summary>A created account after its first password change: ready to sign in.</summary>
    private async Task<(Guid Id, string UserName)> ActiveUserAsync(params string[] roles)
    {
        var (id, userName) = await CreateAsync(roles);
        using var anonymous = fixture.Anonymous();
        var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName, currentPassword = TempPassword, newPassword = OwnPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        return (id, userName);
    }

    private async Task<HttpResponseMessage> TokenResponseAsync(string userName, string password)
    {
        using var anonymous = fixture.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    private async Task<HttpClient> BearerAsync(string userName, string password = OwnPassword)
    {
        var token = (await JsonAsync(await TokenResponseAsync(userName, password))).GetProperty("accessToken").GetString();
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the UI's form (antiforgery token and all) and returns a client holding the cookie.</summary>
    private async Task<HttpClient> CookieAsync(string userName, string password = OwnPassword)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task An_admin_creates_a_user_who_must_change_the_initial_password_and_the_creation_is_audited()
    {
        using var admin = await fixture.ClientAsync("admin");
        var userName = Unique("new");

        var response = await admin.PostAsJsonAsync(Users, new { userName, displayName = "招商专员 赵新", email = $"{userName}@test.kunshan", roles = new[] { "Officer" }, password = TempPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/admin/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["Officer"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(created.GetProperty("mustChangePassword").GetBoolean());
        Assert.False(created.GetProperty("isDisabled").GetBoolean());
        var refused = await (await TokenResponseAsync(userName, TempPassword)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password_change_required", refused.GetProperty("code").GetString());
        var list = await JsonAsync(await admin.GetAsync(Users));
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("id").GetGuid() == id && u.GetProperty("userName").GetString() == userName);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id.ToString()).ToListAsync());
        var creation = Assert.Single(audit, a => a.Action == AuditAction.Created);
        Assert.Equal("admin", creation.ActorName);
        Assert.Contains("\"PasswordHash\"", creation.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(TempPassword, creation.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", creation.Changes, StringComparison.Ordinal); // no Identity v3 hash in the trail
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.StartsWith("IdentityUserRole") && a.EntityId.StartsWith(id.ToString()))), "the role grant is audited");
    }

    [Fact]
    public async Task Bad_user_input_gives_400_naming_each_field_and_a_taken_user_name_409()
    {
        using var admin = await fixture.ClientAsync("admin");

        var missing = await admin.PostAsJsonAsync(Users, new { email = "not-an-email", roles = new[] { "Wizard" }, password = TempPassword });
        var weak = await admin.PostAsJsonAsync(Users, new { userName = Unique("weak"), displayName = "弱密码", email = $"{Unique("w")}@test.kunshan", roles = new[] { "Officer" }, password = "alllowercase" });
        var taken = await admin.PostAsJsonAsync(Users, new { userName = "officer", displayName = "重复", email = $"{Unique("d")}@test.kunshan", roles = new[] { "Officer" }, password = TempPassword });

        var errors = (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "userName", "displayName", "email", "roles" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }

        var weakErrors = (await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(weakErrors.TryGetProperty("password", out var message), weakErrors.ToString());
        Assert.Contains("三类", message.ToString(), StringComparison.Ordinal);
        var takenProblem = await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("user.name_taken", takenProblem.GetProperty("code").GetString());
        Assert.Equal("该用户名已被使用。", takenProblem.GetProperty("detail").GetString());
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "弱密码")), "a refused password saves nothing");
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_in_the_readers_language_not_in_Identitys_English()
    {
        using var admin = await fixture.ClientAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, Users)
        {
            Content = JsonContent.Create(new { userName = "officer", displayName = "重复", email = $"{Unique("e")}@test.kunshan", roles = new[] { "Officer" }, password = TempPassword }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US");

        var problem = await (await admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("user.name_taken", problem.GetProperty("code").GetString());
        Assert.Equal("This user name is taken.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("officer")]
    [InlineData("partner")]
    [InlineData("auditor")]
    public async Task Only_admins_manage_users(string userName)
    {
        using var client = await fixture.ClientAsync(userName);
        var officerId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "officer2").Select(u => u.Id).SingleAsync());

        var responses = new[]
        {
            await client.GetAsync(Users),
            await client.PostAsJsonAsync(Users, new { userName = Unique("x"), displayName = "x", email = $"{Unique("x")}@test.kunshan", roles = new[] { "Admin" }, password = TempPassword }),
            await client.PutAsJsonAsync($"{Users}/{officerId}/roles", new { roles = new[] { "Admin" } }),
            await client.PutAsJsonAsync($"{Users}/{officerId}/sectors", new { sectorIds = Array.Empty<Guid>() }),
            await client.PostAsync($"{Users}/{officerId}/disable", null),
            await client.PostAsync($"{Users}/{officerId}/enable", null),
            await client.PostAsJsonAsync($"{Users}/{officerId}/reset-password", new { password = TempPassword }),
            await client.PutAsJsonAsync($"/api/v1/admin/sectors/{await SectorAsync("coffee")}/lead-officer", new { officerId }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Id == officerId && u.IsDisabled)));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = fixture.Anonymous();

        var list = await anonymous.GetAsync(Users);
        var create = await anonymous.PostAsJsonAsync(Users, new { userName = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_cookie_and_token_at_once_lists_their_open_follow_ups_and_refuses_new_tokens()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (id, userName) = await ActiveUserAsync("Officer");
        using var bearer = await BearerAsync(userName);
        using var cookie = await CookieAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);
        var project = await WithDbAsync(db => db.Projects.OrderBy(p => p.Code).Select(p => new { p.Id, p.Code }).FirstAsync());
        var followUp = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/follow-ups", new
        {
            projectId = project.Id,
            assigneeId = id,
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)),
            title = "回访签约意向",
        }));

        var disabled = await JsonAsync(await admin.PostAsync($"{Users}/{id}/disable", null));

        Assert.True(disabled.GetProperty("user").GetProperty("isDisabled").GetBoolean());
        var open = Assert.Single(disabled.GetProperty("openFollowUps").EnumerateArray());
        Assert.Equal(followUp.GetProperty("id").GetGuid(), open.GetProperty("id").GetGuid());
        Assert.Equal("回访签约意向", open.GetProperty("title").GetString());
        Assert.Equal(project.Code, open.GetProperty("projectCode").GetString());
        Assert.True(open.TryGetProperty("dueOn", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);
        await (await TokenResponseAsync(userName, OwnPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AppUser" && a.EntityId == id.ToString() && a.Changes.Contains("IsDisabled"))), "the disabling is audited");

        // Re-enabled, the user signs in afresh; the old token stays dead.
        var enabled = await JsonAsync(await admin.PostAsync($"{Users}/{id}/enable", null));
        Assert.False(enabled.GetProperty("isDisabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
        using var again = await BearerAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_removed_role_takes_effect_on_the_next_request_of_an_open_session()
    {
        using var admin = await fixture.ClientAsync("admin");
        // A Manager (an Admin would need a second factor first): the ledger is for managers and admins only.
        var (id, userName) = await ActiveUserAsync("Manager", "Officer");
        using var bearer = await BearerAsync(userName);
        using var cookie = await CookieAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/ledger")).StatusCode);

        var demoted = await JsonAsync(await admin.PutAsJsonAsync($"{Users}/{id}/roles", new { roles = new[] { "Officer" } }));

        Assert.Equal(["Officer"], demoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/v1/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cookie.GetAsync("/api/v1/ledger")).StatusCode);
        var me = await JsonAsync(await bearer.GetAsync("/api/v1/auth/me"));
        Assert.Equal(["Officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task Role_changes_check_their_input_and_the_account()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (id, _) = await CreateAsync("Officer");
        var adminId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        var unknownRole = await admin.PutAsJsonAsync($"{Users}/{id}/roles", new { roles = new[] { "Officer", "Emperor" } });
        var none = await admin.PutAsJsonAsync($"{Users}/{id}/roles", new { roles = Array.Empty<string>() });
        var unknownUser = await admin.PutAsJsonAsync($"{Users}/{Guid.NewGuid()}/roles", new { roles = new[] { "Officer" } });
        var selfDemotion = await admin.PutAsJsonAsync($"{Users}/{adminId}/roles", new { roles = new[] { "Officer" } });
        var promoted = await JsonAsync(await admin.PutAsJsonAsync($"{Users}/{id}/roles", new { roles = new[] { "Manager", "Officer" } }));

        Assert.True((await unknownRole.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.True((await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("roles", out _));
        await unknownUser.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await selfDemotion.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Manager", "Officer"], promoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_password_reset_sets_a_temporary_password_that_must_be_changed_and_ends_sessions()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (id, userName) = await ActiveUserAsync("Officer");
        using var bearer = await BearerAsync(userName);

        var weak = await admin.PostAsJsonAsync($"{Users}/{id}/reset-password", new { password = "short" });
        var empty = await admin.PostAsJsonAsync($"{Users}/{id}/reset-password", new { password = "" });
        var unknown = await admin.PostAsJsonAsync($"{Users}/{Guid.NewGuid()}/reset-password", new { password = "Reset#2026c" });
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
        var reset = await admin.PostAsJsonAsync($"{Users}/{id}/reset-password", new { password = "Reset#2026c" });

        Assert.True((await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _));
        Assert.True((await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _));
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
        await (await TokenResponseAsync(userName, OwnPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var mustChange = await (await TokenResponseAsync(userName, "Reset#2026c")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password_change_required", mustChange.GetProperty("code").GetString());
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id.ToString()).Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(audit, changes => changes.Contains("Reset#2026c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officer_is_assigned_to_sectors_and_made_a_sector_lead()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (id, _) = await CreateAsync("Officer");
        var (partnerId, _) = await CreateAsync("Partner");
        var coffee = await SectorAsync("coffee");
        var food = await SectorAsync("food");

        var assigned = await JsonAsync(await admin.PutAsJsonAsync($"{Users}/{id}/sectors", new { sectorIds = new[] { coffee, food } }));
        var narrowed = await JsonAsync(await admin.PutAsJsonAsync($"{Users}/{id}/sectors", new { sectorIds = new[] { coffee } }));
        var unknownSector = await admin.PutAsJsonAsync($"{Users}/{id}/sectors", new { sectorIds = new[] { Guid.NewGuid() } });
        var missing = await admin.PutAsJsonAsync($"{Users}/{id}/sectors", new { });
        var unknownUser = await admin.PutAsJsonAsync($"{Users}/{Guid.NewGuid()}/sectors", new { sectorIds = new[] { coffee } });
        var partner = await admin.PutAsJsonAsync($"{Users}/{partnerId}/sectors", new { sectorIds = new[] { coffee } });
        var lead = await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/admin/sectors/{coffee}/lead-officer", new { officerId = id }));
        var partnerLead = await admin.PutAsJsonAsync($"/api/v1/admin/sectors/{coffee}/lead-officer", new { officerId = partnerId });
        var unknownLeadSector = await admin.PutAsJsonAsync($"/api/v1/admin/sectors/{Guid.NewGuid()}/lead-officer", new { officerId = id });

        Assert.Equal(["coffee", "food"], assigned.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(["coffee"], narrowed.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.True((await unknownSector.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sectorIds", out _));
        Assert.True((await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sectorIds", out _));
        await unknownUser.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await partner.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(id, lead.GetProperty("leadOfficerId").GetGuid());
        await partnerLead.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await unknownLeadSector.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listed = (await JsonAsync(await admin.GetAsync(Users))).EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal(["coffee"], listed.GetProperty("leadOf").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "OfficerSector" && a.Action == AuditAction.Deleted)), "removing a sector is audited");
    }

    [Fact]
    public async Task Each_authenticated_request_checks_its_session_with_one_statement()
    {
        using var officer = await fixture.ClientAsync("officer");

        var statements = await fixture.App.Sql.MeasureAll(() => officer.GetAsync("/api/v1/auth/me"));

        Assert.Single(statements, s => s.Contains(SqlCounter.SessionCheckTag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_open_blazor_circuit_is_signed_out_when_its_roles_change_or_the_account_is_disabled()
    {
        using var admin = await fixture.ClientAsync("admin");
        var (id, _) = await ActiveUserAsync("Officer");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var circuit = await factory.CreateAsync((await users.FindByIdAsync(id.ToString()))!);
        using var provider = ActivatorUtilities.CreateInstance<Security.SessionRevalidatingStateProvider>(fixture.App.Services);

        var before = await provider.IsCurrentAsync(circuit, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Users}/{id}/roles", new { roles = new[] { "Manager" } })).StatusCode);
        var afterRoleChange = await provider.IsCurrentAsync(circuit, CancellationToken.None);
        await using var fresh = fixture.App.Services.CreateAsyncScope();
        var reissued = await fresh.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync((await fresh.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id.ToString()))!);
        var reissuedBefore = await provider.IsCurrentAsync(reissued, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Users}/{id}/disable", null)).StatusCode);
        var afterDisable = await provider.IsCurrentAsync(reissued, CancellationToken.None);

        Assert.True(before);
        Assert.False(afterRoleChange);
        Assert.True(reissuedBefore);
        Assert.False(afterDisable);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_an_admin_cannot_disable_themselves()
    {
        using var admin = await fixture.ClientAsync("admin");
        var adminId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

        var disable = await admin.PostAsync($"{Users}/{Guid.NewGuid()}/disable", null);
        var enable = await admin.PostAsync($"{Users}/{Guid.NewGuid()}/enable", null);
        var self = await admin.PostAsync($"{Users}/{adminId}/disable", null);

        await disable.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await enable.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await self.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Users)).StatusCode);
    }
}

public sealed class SqliteAdminUserApiTests(SqliteApp fixture) : AdminUserApiTests<SqliteApp>(fixture);

public sealed class PostgresAdminUserApiTests(PostgresApp fixture) : AdminUserApiTests<PostgresApp>(fixture);
