using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Issue 8 baseline: TOTP second factor (required for Admin), lockout over passwords and codes, the password
/// policy's ends — on SQLite and PostgreSQL, since the counters, keys and used steps live in the database.
/// </summary>
public abstract partial class TwoFactorContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Password = "Kunshan#Two-2026";

    private Task<string> AccountAsync(string? key, params string[] roles) => TwoFactorAccounts.CreateAsync(fixture.App.Services, "tf", Password, key, roles);

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string? twoFactorCode = null)
    {
        using var anonymous = fixture.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode });
    }

    [Fact]
    public async Task The_demo_admin_needs_a_code_for_a_token_and_each_code_works_once()
    {
        var missing = await TokenAsync("admin", AppFixture.DemoPassword);
        var wrong = await TokenAsync("admin", AppFixture.DemoPassword, "000000");
        var code = await fixture.App.AdminCodeAsync();
        var accepted = await TokenAsync("admin", AppFixture.DemoPassword, code);
        var replayed = await TokenAsync("admin", AppFixture.DemoPassword, code);

        Assert.Equal("two_factor_required", (await missing.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(string.IsNullOrEmpty((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        await replayed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Officer");

        for (var i = 0; i < 5; i++)
        {
            await (await TokenAsync(userName, Password, $"99999{i}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await TokenAsync(userName, Password, TwoFactorAccounts.CodeNow(key));
        var problem = await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", problem.GetProperty("title").GetString(), StringComparison.Ordinal); // zh-CN: no Accept-Language
    }

    [Fact]
    public async Task Five_wrong_passwords_through_the_sign_in_form_lock_the_account()
    {
        var userName = await AccountAsync(null, "Officer");
        using var client = FormClient.Create(fixture.App);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await FormClient.SignInAsync(client, userName, $"Wrong-{i}-pass");
            Assert.StartsWith("/account/login?error=", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var locked = await FormClient.SignInAsync(client, userName, Password);

        Assert.StartsWith("/account/login?error=locked", locked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_asks_the_demo_admin_for_a_code_before_the_session_starts()
    {
        using var client = FormClient.Create(fixture.App);

        var password = await FormClient.SignInAsync(client, "admin", AppFixture.DemoPassword);
        Assert.StartsWith("/account/two-factor/verify", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        var wrong = await FormClient.PostAsync(client, "/account/two-factor/verify", "/account/two-factor/verify", new Dictionary<string, string> { ["code"] = "123456", ["returnUrl"] = "/" });
        Assert.StartsWith("/account/two-factor/verify?error=invalid", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var right = await FormClient.PostAsync(client, "/account/two-factor/verify", "/account/two-factor/verify",
            new Dictionary<string, string> { ["code"] = await fixture.App.AdminCodeAsync(), ["returnUrl"] = "/admin/users" });
        Assert.Equal("/admin/users", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_admin_without_an_authenticator_reaches_only_the_enrolment_and_then_signs_in_with_a_recovery_code()
    {
        var userName = await AccountAsync(null, "Admin");
        Assert.Equal("two_factor_enrolment_required", (await (await TokenAsync(userName, Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        using var client = FormClient.Create(fixture.App);
        var signedIn = await FormClient.SignInAsync(client, userName, Password);
        Assert.StartsWith("/account/two-factor?", signedIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/admin/users")).StatusCode);

        var page = await client.GetStringAsync("/account/two-factor?returnUrl=%2F");
        Assert.Contains("data-testid=\"two-factor-qr\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);

        var wrong = await FormClient.PostAsync(client, "/account/two-factor?returnUrl=%2F", "/account/two-factor?returnUrl=%2F",
            new Dictionary<string, string> { ["_handler"] = "enrol", ["Code"] = "000000" });
        Assert.Contains("data-testid=\"two-factor-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enrolled = await FormClient.PostAsync(client, "/account/two-factor?returnUrl=%2F", "/account/two-factor?returnUrl=%2F",
            new Dictionary<string, string> { ["_handler"] = "enrol", ["Code"] = TwoFactorAccounts.CodeNow(key) });
        var shown = await enrolled.Content.ReadAsStringAsync();
        var recoveryCodes = RecoveryCode().Matches(shown).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // Signed in now, as Admin; the codes are not shown again.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.DoesNotContain(recoveryCodes[0], await client.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);

        // A recovery code stands in for the authenticator once.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, Password, recoveryCodes[0])).StatusCode);
        await (await TokenAsync(userName, Password, recoveryCodes[0])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Any_user_may_enrol_by_choice_keeping_this_session_and_ending_the_others()
    {
        var userName = await AccountAsync(null, "Officer");
        var earlierToken = (await (await TokenAsync(userName, Password)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var earlier = fixture.App.CreateClient();
        earlier.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", earlierToken);
        using var client = FormClient.Create(fixture.App);
        await FormClient.SignInAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/api/v1/auth/me")).StatusCode);

        var page = await client.GetStringAsync("/account/two-factor");
        Assert.DoesNotContain("data-testid=\"two-factor-required\"", page, StringComparison.Ordinal);
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enrolled = await FormClient.PostAsync(client, "/account/two-factor", "/account/two-factor",
            new Dictionary<string, string> { ["_handler"] = "enrol", ["Code"] = TwoFactorAccounts.CodeNow(key) });

        Assert.Equal(10, RecoveryCode().Matches(await enrolled.Content.ReadAsStringAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await earlier.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal("two_factor_required", (await (await TokenAsync(userName, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_signed_in_user_made_admin_gets_the_role_only_with_a_second_factor()
    {
        var plain = await AccountAsync(null, "Officer");
        var key = TwoFactorAccounts.NewKey();
        var enrolled = await AccountAsync(key, "Officer");
        using var plainClient = await BearerAsync(plain, null);
        using var enrolledClient = await BearerAsync(enrolled, TwoFactorAccounts.CodeNow(key));
        using var admin = await fixture.ClientAsync("admin");
        var ids = await WithUsersAsync(users => Task.FromResult(users.Users.Where(u => u.UserName == plain || u.UserName == enrolled).ToDictionary(u => u.UserName!, u => u.Id)));

        foreach (var id in ids.Values)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "Admin", "Officer" } })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await plainClient.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await plainClient.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enrolledClient.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    private async Task<HttpClient> BearerAsync(string userName, string? code)
    {
        var response = await TokenAsync(userName, Password, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    [Fact]
    public async Task Passwords_take_8_to_64_characters_from_three_of_four_classes()
    {
        var userName = await AccountAsync(null, "Officer");
        var current = Password;

        async Task<HttpStatusCode> ChangeAsync(string next)
        {
            using var anonymous = fixture.Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName, currentPassword = current, newPassword = next });
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                current = next;
            }

            return response.StatusCode;
        }

        var longest = "Aa1" + new string('x', 61);
        Assert.Equal(HttpStatusCode.BadRequest, await ChangeAsync("Ab1#xyz"));            // 7 characters
        Assert.Equal(HttpStatusCode.BadRequest, await ChangeAsync("abcdefg1"));           // 8, two classes
        Assert.Equal(HttpStatusCode.BadRequest, await ChangeAsync(longest + "x"));        // 65
        Assert.Equal(HttpStatusCode.NoContent, await ChangeAsync(longest));               // 64, three classes
        Assert.Equal(HttpStatusCode.NoContent, await ChangeAsync("Abcdefg1"));            // 8, three classes
        Assert.Equal(HttpStatusCode.NoContent, await ChangeAsync("abcdef#1"));            // 8, lower + symbol + digit
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class SqliteTwoFactorContractTests(SqliteApp fixture) : TwoFactorContractTests<SqliteApp>(fixture);

public sealed class PostgresTwoFactorContractTests(PostgresApp fixture) : TwoFactorContractTests<PostgresApp>(fixture);
