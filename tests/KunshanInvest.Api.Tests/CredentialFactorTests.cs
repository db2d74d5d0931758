using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// After the issue-8 review: a credential change needs every factor the account has, an Admin's reset is the way
/// back for a lost authenticator, and a pending second step or an unconfirmed key gives nothing to whoever held it —
/// on SQLite and PostgreSQL, since counters, stamps, keys and used steps live in the database.
/// </summary>
public abstract partial class CredentialFactorTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Password = "Kunshan#Cred-2026";
    private const string NewPassword = "Kunshan#Next-2027";

    private Task<string> AccountAsync(string? key, params string[] roles) => TwoFactorAccounts.CreateAsync(fixture.App.Services, "cf", Password, key, roles);

    private async Task<T> WithUserAsync<T>(string userName, Func<UserManager<AppUser>, AppUser, Task<T>> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await work(users, (await users.FindByNameAsync(userName))!);
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<bool> HasPasswordAsync(string userName, string password) => WithUserAsync(userName, (users, user) => users.CheckPasswordAsync(user, password));

    private async Task<HttpResponseMessage> ChangeAsync(string userName, string current, string next, string? twoFactorCode)
    {
        using var anonymous = fixture.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName, currentPassword = current, newPassword = next, twoFactorCode });
    }

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string? twoFactorCode = null)
    {
        using var anonymous = fixture.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode });
    }

    private static Task<HttpResponseMessage> ChangeFormAsync(HttpClient client, string userName, string current, string next, string? twoFactorCode)
    {
        var fields = new Dictionary<string, string>
        {
            ["userName"] = userName, ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = next, ["returnUrl"] = "/projects",
        };
        if (twoFactorCode is not null)
        {
            fields["twoFactorCode"] = twoFactorCode;
        }

        return FormClient.PostAsync(client, "/account/change-password", "/account/change-password", fields);
    }

    [Fact]
    public async Task Changing_the_password_of_an_account_with_a_second_factor_needs_a_code_accepted_once()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Officer");

        var missing = await ChangeAsync(userName, Password, NewPassword, null);
        Assert.Equal("two_factor_required", (await missing.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        Assert.True(await HasPasswordAsync(userName, Password), "no change with the password alone");

        await (await ChangeAsync(userName, Password, NewPassword, "000000")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await HasPasswordAsync(userName, Password), "no change with a wrong code");
        Assert.Equal(1, await WithUserAsync(userName, (users, user) => users.GetAccessFailedCountAsync(user)));

        var code = TwoFactorAccounts.CodeNow(key);
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(userName, Password, NewPassword, code)).StatusCode);
        Assert.True(await HasPasswordAsync(userName, NewPassword));

        // The code the change used is spent for the sign-in too.
        await (await TokenAsync(userName, NewPassword, code)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_codes_on_password_changes_lock_the_account()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Officer");

        for (var i = 0; i < 5; i++)
        {
            await (await ChangeAsync(userName, Password, NewPassword, $"99999{i}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await (await TokenAsync(userName, Password, TwoFactorAccounts.CodeNow(key))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", locked.GetProperty("title").GetString(), StringComparison.Ordinal); // zh-CN: no Accept-Language
        Assert.True(await HasPasswordAsync(userName, Password));
    }

    [Fact]
    public async Task An_admin_still_to_enrol_changes_the_password_with_the_password_alone()
    {
        var userName = await AccountAsync(null, "Admin");

        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(userName, Password, NewPassword, null)).StatusCode);
        Assert.Equal("two_factor_enrolment_required", (await (await TokenAsync(userName, NewPassword)).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_change_password_form_asks_for_the_code_and_then_signs_in_without_a_second_one()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Officer");
        using var client = FormClient.Create(fixture.App);

        var page = await client.GetStringAsync("/account/change-password");
        Assert.Contains("name=\"twoFactorCode\"", page, StringComparison.Ordinal);

        var missing = await ChangeFormAsync(client, userName, Password, NewPassword, null);
        var again = missing.Headers.Location?.OriginalString ?? "";
        Assert.Contains("error=two-factor", again, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"change-password-two-factor\"", await client.GetStringAsync(again), StringComparison.Ordinal);
        Assert.True(await HasPasswordAsync(userName, Password));

        var changed = await ChangeFormAsync(client, userName, Password, NewPassword, TwoFactorAccounts.CodeNow(key));

        Assert.Equal("/projects", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.True(await HasPasswordAsync(userName, NewPassword));
    }

    [Fact]
    public async Task An_admin_reset_ends_the_second_factor_so_the_user_enrols_again_and_the_trail_keeps_no_secret()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Admin");
        var recoveryCodes = await WithUserAsync(userName, async (users, user) => (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, Password, TwoFactorAccounts.CodeNow(key))).StatusCode); // a used step is stored
        var id = await WithUserAsync(userName, (_, user) => Task.FromResult(user.Id));
        Assert.True(await WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == id && t.Name == TotpTokenProvider.LastStepTokenName)));

        using (var admin = await fixture.ClientAsync("admin"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/users/{id}/reset-password", new { password = "Reset#2026c" })).StatusCode);
        }

        Assert.False(await WithUserAsync(userName, (users, user) => users.GetTwoFactorEnabledAsync(user)));
        Assert.Empty(await WithDbAsync(db => db.UserTokens.Where(t => t.UserId == id).Select(t => t.Name).ToListAsync()));

        // The temporary password is changed with itself alone; the Admin then has to enrol a new authenticator.
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(userName, "Reset#2026c", NewPassword, null)).StatusCode);
        Assert.Equal("two_factor_enrolment_required", (await (await TokenAsync(userName, NewPassword, TwoFactorAccounts.CodeNow(key))).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        using var client = FormClient.Create(fixture.App);
        Assert.StartsWith("/account/two-factor?", (await FormClient.SignInAsync(client, userName, NewPassword)).Headers.Location?.OriginalString, StringComparison.Ordinal);

        var idText = id.ToString();
        var trail = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId.StartsWith(idText)).Select(a => new { a.EntityType, a.Action, a.Changes }).ToListAsync());
        Assert.Contains(trail, a => a.EntityType.StartsWith("IdentityUserToken", StringComparison.Ordinal) && a.Action == AuditAction.Deleted);
        Assert.DoesNotContain(trail, a => a.Changes.Contains(key, StringComparison.OrdinalIgnoreCase) || a.Changes.Contains("Reset#2026c", StringComparison.Ordinal)
            || recoveryCodes.Any(code => a.Changes.Contains(code, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_pending_second_step_ends_when_the_security_stamp_changes()
    {
        var key = TwoFactorAccounts.NewKey();
        var userName = await AccountAsync(key, "Officer");
        using var client = FormClient.Create(fixture.App);
        Assert.StartsWith("/account/two-factor/verify", (await FormClient.SignInAsync(client, userName, Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);

        // A password change, lock or reset elsewhere renews the stamp.
        Assert.True((await WithUserAsync(userName, (users, user) => users.UpdateSecurityStampAsync(user))).Succeeded);
        var verified = await FormClient.PostAsync(client, "/account/two-factor/verify", "/account/two-factor/verify",
            new Dictionary<string, string> { ["code"] = TwoFactorAccounts.CodeNow(key), ["returnUrl"] = "/" });

        Assert.StartsWith("/account/login?error=expired", verified.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_pending_enrolment_ends_when_the_security_stamp_changes()
    {
        var userName = await AccountAsync(null, "Admin");
        using var client = FormClient.Create(fixture.App);
        Assert.StartsWith("/account/two-factor?", (await FormClient.SignInAsync(client, userName, Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Matches(KeyShown(), await client.GetStringAsync("/account/two-factor"));

        Assert.True((await WithUserAsync(userName, (users, user) => users.UpdateSecurityStampAsync(user))).Succeeded);
        var page = await client.GetAsync("/account/two-factor");

        Assert.DoesNotMatch(KeyShown(), await page.Content.ReadAsStringAsync());
        Assert.Contains("error=expired", page.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_enrolment_shows_a_new_key_each_time_and_an_earlier_one_is_worthless()
    {
        var userName = await AccountAsync(null, "Admin");

        async Task<(HttpClient Client, string Key)> BeginAsync()
        {
            var client = FormClient.Create(fixture.App);
            Assert.StartsWith("/account/two-factor?", (await FormClient.SignInAsync(client, userName, Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
            return (client, KeyOf(await client.GetStringAsync("/account/two-factor?returnUrl=%2F")));
        }

        var (first, earlierKey) = await BeginAsync();
        first.Dispose();
        var (client, key) = await BeginAsync();
        using (client)
        {
            Assert.NotEqual(earlierKey, key);
            Assert.Equal(key, KeyOf(await client.GetStringAsync("/account/two-factor?returnUrl=%2F"))); // a refresh keeps it

            var earlier = await FormClient.PostAsync(client, "/account/two-factor?returnUrl=%2F", "/account/two-factor?returnUrl=%2F",
                new Dictionary<string, string> { ["_handler"] = "enrol", ["Code"] = TwoFactorAccounts.CodeNow(earlierKey) });
            Assert.Contains("data-testid=\"two-factor-error\"", await earlier.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var enrolled = await FormClient.PostAsync(client, "/account/two-factor?returnUrl=%2F", "/account/two-factor?returnUrl=%2F",
                new Dictionary<string, string> { ["_handler"] = "enrol", ["Code"] = TwoFactorAccounts.CodeNow(key) });
            Assert.Contains("data-testid=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
        }
    }

    [Fact]
    public async Task A_voluntary_enrolment_keeps_its_key_across_page_loads()
    {
        var userName = await AccountAsync(null, "Officer");
        using var client = FormClient.Create(fixture.App);
        Assert.Equal("/", (await FormClient.SignInAsync(client, userName, Password)).Headers.Location?.OriginalString);

        var key = KeyOf(await client.GetStringAsync("/account/two-factor"));

        Assert.Equal(key, KeyOf(await client.GetStringAsync("/account/two-factor")));
    }

    private static string KeyOf(string page)
    {
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);
        return key;
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyShown();
}

public sealed class SqliteCredentialFactorTests(SqliteApp fixture) : CredentialFactorTests<SqliteApp>(fixture);

public sealed class PostgresCredentialFactorTests(PostgresApp fixture) : CredentialFactorTests<PostgresApp>(fixture);
