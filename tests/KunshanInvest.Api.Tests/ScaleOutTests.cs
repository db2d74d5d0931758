using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Two app instances on ONE PostgreSQL database, each a host of its own (own service provider, no shared singleton),
/// both running a Hangfire server on that database's storage — and a third on a database of its own, whose key ring
/// is therefore not theirs.
/// </summary>
public sealed class TwoInstancesOnPostgres : IAsyncLifetime
{
    public string? UnavailableReason { get; private set; }

    public KunshanApiFactory A => Need(_a);

    public KunshanApiFactory B => Need(_b);

    /// <summary>An instance on another database: same code, same application name, a key ring of its own.</summary>
    public KunshanApiFactory Elsewhere => Need(_elsewhere);

    private KunshanApiFactory? _a;
    private KunshanApiFactory? _b;
    private KunshanApiFactory? _elsewhere;

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = await PostgresServer.UnavailableReasonAsync();
        if (UnavailableReason is not null)
        {
            return;
        }

        var shared = await PostgresServer.CreateDatabaseAsync("ki_scale");
        _a = new KunshanApiFactory(DatabaseProvider.PostgreSql, shared, settings: JobSettings.With());
        _ = _a.Server; // migrates and seeds; B then finds the schema in place

        // The key ring exists before B starts, as in a rolling deployment (two first starts racing would each create
        // a key, both stored; an instance re-reads the ring when a payload names a key it has not seen yet).
        _a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("x");
        _b = new KunshanApiFactory(DatabaseProvider.PostgreSql, shared, settings: JobSettings.With());
        _ = _b.Server;
        _elsewhere = new KunshanApiFactory(DatabaseProvider.PostgreSql, await PostgresServer.CreateDatabaseAsync("ki_apart"));
        _ = _elsewhere.Server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _elsewhere, _b, _a })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private KunshanApiFactory Need(KunshanApiFactory? app)
    {
        Requirement.Need(UnavailableReason);
        return app!;
    }
}

/// <summary>Issue 8, scale-out: sign-in, antiforgery, sign-out, role changes and jobs hold across two instances on one database.</summary>
[Collection(JobsCollection.Name)]
public sealed partial class ScaleOutTests(TwoInstancesOnPostgres apps) : IClassFixture<TwoInstancesOnPostgres>
{
    private const string AuthCookie = "ki.auth";

    [Fact]
    public async Task A_ui_cookie_issued_by_one_instance_signs_in_on_the_other()
    {
        var cookie = await SignInWithFormAsync(apps.A, "manager");

        using var onB = WithCookie(apps.B, cookie);
        var me = await onB.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("manager", (await me.JsonAsync()).GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/sectors/overview")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var token = await TokenAsync(apps.A, "officer", AppFixture.DemoPassword);

        using var onB = apps.B.CreateClient();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await onB.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("officer", (await me.JsonAsync()).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task An_antiforgery_token_from_one_instance_is_accepted_by_the_other_and_a_forged_one_is_not()
    {
        using var onA = apps.A.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var (field, cookie) = await AntiforgeryAsync(onA, "/account/login");

        using var onB = apps.B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signedIn = await onB.SendAsync(FormPost("/account/login", cookie, new() { ["userName"] = "officer2", ["password"] = AppFixture.DemoPassword, ["returnUrl"] = "/projects", ["__RequestVerificationToken"] = field }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/projects", signedIn.Headers.Location?.OriginalString);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));

        var forged = await onB.SendAsync(FormPost("/account/login", cookie, new() { ["userName"] = "officer2", ["password"] = AppFixture.DemoPassword, ["__RequestVerificationToken"] = field[..^4] + "AAAA" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Signing_out_on_one_instance_ends_the_session_on_the_other()
    {
        var (_, userName) = await NewUserAsync(apps.A, "Officer");
        using var onA = apps.A.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var cookie = await SignInWithFormAsync(onA, userName);
        var token = await TokenAsync(apps.A, userName, AppFixture.DemoPassword);
        using (var before = WithCookie(apps.B, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        // The sign-out form's token comes from a page rendered for the signed-in user.
        var (field, _) = await AntiforgeryAsync(onA, "/");
        var signedOut = await onA.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = field }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // A copy of the old cookie (another tab, a stolen one) is refused on B; so is the bearer token of that account.
        using var replayed = WithCookie(apps.B, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replayed.GetAsync("/api/v1/auth/me")).StatusCode);
        using var bearer = apps.B.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_removed_on_one_instance_stops_working_on_the_other_at_the_next_request()
    {
        var (id, userName) = await NewUserAsync(apps.A, "Manager");
        var cookie = await SignInWithFormAsync(apps.B, userName);
        var token = await TokenAsync(apps.B, userName, AppFixture.DemoPassword);
        using var byCookie = WithCookie(apps.B, cookie);
        using var byToken = apps.B.CreateClient();
        byToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await byCookie.GetAsync("/api/v1/reports/funnel")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byToken.GetAsync("/api/v1/reports/funnel")).StatusCode);

        using var admin = apps.A.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(apps.A, "admin", AppFixture.DemoPassword));
        var changed = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "Officer" } });
        Assert.True(changed.IsSuccessStatusCode, $"{(int)changed.StatusCode}: {await changed.Content.ReadAsStringAsync()}");

        await (await byCookie.GetAsync("/api/v1/ledger")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await byToken.GetAsync("/api/v1/ledger")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var roles = (await (await byToken.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString());
        Assert.Equal(new[] { "Officer" }, roles);
    }

    [Fact]
    public async Task An_instance_on_another_database_cannot_read_the_cookie_or_token_it_did_not_issue()
    {
        var cookie = await SignInWithFormAsync(apps.A, "manager");
        var token = await TokenAsync(apps.A, "manager", AppFixture.DemoPassword);

        // The cookie's ticket decrypts with B's key ring (the same rows) and not with the other database's.
        Assert.NotNull(Ticket(apps.B, cookie));
        Assert.Null(Ticket(apps.Elsewhere, cookie));
        using var elsewhere = WithCookie(apps.Elsewhere, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/auth/me")).StatusCode);
        using var bearer = apps.Elsewhere.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_key_ring_is_one_set_of_rows_in_the_database_and_the_audit_trail_never_holds_the_key()
    {
        await using var scope = apps.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<masterKey", k.Xml, StringComparison.Ordinal));

        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "DataProtectionKey").ToListAsync();
        Assert.Equal(keys.Count, trail.Count);
        Assert.All(trail, a => Assert.DoesNotContain("masterKey", a.Changes, StringComparison.Ordinal));
        Assert.All(trail, a => Assert.Contains("\"Field\":\"Xml\",\"Old\":null,\"New\":\"***\"", a.Changes, StringComparison.Ordinal));

        // Both instances have only the shared ring: the other database holds keys of its own.
        await using var apart = apps.Elsewhere.Services.CreateAsyncScope();
        var elsewhere = await apart.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        Assert.Empty(elsewhere.Intersect(keys.Select(k => k.FriendlyName)));
    }

    /// <summary>Both instances run a Hangfire server on the shared PostgreSQL storage (ADR 0012's exactly-once proof, on these two instances).</summary>
    [Fact]
    public async Task Jobs_run_on_both_instances_hangfire_servers_and_each_effect_happens_once()
    {
        var (first, second) = (apps.A, apps.B);
        var due = await JobSettings.DueFollowUpsAsync(first.Services);
        Assert.True(due > 0);

        // Every sweep triggered on both servers at once: each runs twice, concurrently, against the same rows.
        string[] sweeps = [JobNames.FollowUpReminders, JobNames.StaleSweep, JobNames.StalledEscalation, JobNames.WeeklyDigest, JobNames.SubmissionTriage, JobNames.AttributionLapses];
        var schedulers = new[] { first.Services.GetRequiredService<IJobScheduler>(), second.Services.GetRequiredService<IJobScheduler>() };
        await Task.WhenAll(sweeps.SelectMany(job => schedulers.Select(s => Task.Run(() => s.Enqueue(job)))));

        var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await JobSettings.EventuallyAsync(() => Task.FromResult(monitoring.SucceededListCount() >= sweeps.Length * 2 && monitoring.ProcessingCount() == 0), "both servers' runs", state: () =>
            $"succeeded={monitoring.SucceededListCount()} processing={monitoring.ProcessingCount()} failed={monitoring.FailedCount()} scheduled={monitoring.ScheduledCount()} enqueued={monitoring.EnqueuedCount("default")} retries={string.Join(" | ", monitoring.ScheduledJobs(0, 10).SelectMany(j => monitoring.JobDetails(j.Key).History).Where(h => h.StateName == "Failed").Select(h => h.Data.TryGetValue("ExceptionMessage", out var m) ? m : h.Reason))}");
        Assert.Equal(0, monitoring.FailedCount());
        Assert.Equal(0, monitoring.ScheduledCount()); // no retry was needed
        var servers = monitoring.Servers();
        Assert.Equal(2, servers.Count);

        var (notices, distinct, emails) = await JobSettings.RemindersAsync(first.Services);
        Assert.Equal(due, notices);
        Assert.Equal(due, distinct);
        Assert.Equal(due, emails);

        // The e-mails went once in all: the two apps write to their own folders.
        await JobSettings.EventuallyAsync(async () =>
        {
            await using var scope = first.Services.CreateAsyncScope();
            return !await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxEmails.AnyAsync(e => e.SentAtUtc == null);
        }, "the outbox to empty");
        var files = new[] { first.DataDirectory, second.DataDirectory }.Sum(d => Directory.Exists(Path.Combine(d, "mail")) ? Directory.GetFiles(Path.Combine(d, "mail"), "*.eml").Length : 0);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            Assert.Equal(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxEmails.CountAsync(), files);
        }

        // And a third run of every sweep, anywhere, finds nothing left to do.
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<JobRunner>();
            foreach (var job in sweeps)
            {
                Assert.Equal(0, (await runner.RunAsync(job, CancellationToken.None)).Effects);
            }
        }
    }

    private static AuthenticationTicket? Ticket(KunshanApiFactory app, string cookie)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(cookie);
    }

    private static HttpClient WithCookie(KunshanApiFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{AuthCookie}={cookie}");
        return client;
    }

    private static async Task<string> SignInWithFormAsync(KunshanApiFactory app, string userName)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return await SignInWithFormAsync(client, userName);
    }

    /// <summary>Signs in through the UI's form and returns the auth cookie's value.</summary>
    private static async Task<string> SignInWithFormAsync(HttpClient client, string userName)
    {
        var (field, _) = await AntiforgeryAsync(client, "/account/login");
        var signedIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = AppFixture.DemoPassword, ["returnUrl"] = "/", ["__RequestVerificationToken"] = field,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var set = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        return set[(AuthCookie.Length + 1)..set.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>The form field's token in the page and the antiforgery cookie the page set (name=value).</summary>
    private static async Task<(string Field, string Cookie)> AntiforgeryAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var field = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(field), $"no antiforgery field on {page} ({(int)response.StatusCode})");
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v[..v.IndexOf(';', StringComparison.Ordinal)]).FirstOrDefault(v => v.StartsWith("ki.af=", StringComparison.Ordinal)) ?? ""
            : "";
        return (field, cookie);
    }

    private static HttpRequestMessage FormPost(string path, string cookie, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static async Task<string> TokenAsync(KunshanApiFactory app, string userName, string password)
    {
        using var anonymous = app.CreateClient();
        // The demo admin signs in with its second factor; codes are counted per app, so admins sign in on A only.
        var twoFactorCode = userName == "admin" ? await app.AdminCodeAsync() : null;
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode });
        return (await response.JsonAsync()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<(Guid Id, string UserName)> NewUserAsync(KunshanApiFactory app, string role)
    {
        var userName = $"s{Guid.NewGuid():N}"[..16];
        var user = new AppUser { UserName = userName, Email = $"{userName}@test.kunshan.test", EmailConfirmed = true, DisplayName = $"测试 {userName}", CreatedAtUtc = DateTime.UtcNow };
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.CreateAsync(user, AppFixture.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (user.Id, userName);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
