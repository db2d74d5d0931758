using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Issue 8 security baseline (ASVS L2 / 等保 L3), the parts that depend on the host rather than the data: cookies,
/// headers, session limits on a controlled clock, antiforgery on every form post, the security log and error pages.
/// SQLite only; the data-bearing parts run on both providers in <see cref="TwoFactorContractTests{TApp}"/>.
/// </summary>
public sealed class SecurityBaselineTests
{
    private const string ProductionPassword = "Zone#Demo-7741";

    private static string SqliteFile() => $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("ki-security-").FullName, "s.db")}";

    private static WebApplicationFactory<Program> App(string environment = "Development", Action<IWebHostBuilder>? configure = null) =>
        new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile(), environment).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Seed:DemoPassword", environment == "Development" ? AppFixture.DemoPassword : ProductionPassword);
            configure?.Invoke(builder);
        });

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) ?? "" : "";

    [Fact]
    public async Task Under_https_the_auth_antiforgery_and_second_step_cookies_are_host_prefixed_secure_http_only_and_same_site()
    {
        await using var app = App(configure: b => b.UseSetting("Security:Https", "true"));
        using var client = FormClient.Create(app, "https://kunshan.test");

        var form = await client.GetAsync("/account/login");
        var antiforgery = SetCookie(form, "__Host-ki.af");
        var signedIn = await FormClient.SignInAsync(client, "officer", AppFixture.DemoPassword);
        var auth = SetCookie(signedIn, "__Host-ki.auth");
        using var admin = FormClient.Create(app, "https://kunshan.test");
        var secondStep = SetCookie(await FormClient.SignInAsync(admin, "admin", AppFixture.DemoPassword), "__Host-ki.2fa");

        foreach (var (cookie, sameSite) in new[] { (antiforgery, "strict"), (auth, "lax"), (secondStep, "strict") })
        {
            Assert.False(string.IsNullOrEmpty(cookie), "cookie set");
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes, StringComparison.Ordinal);
            Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
            Assert.Contains($"; samesite={sameSite}", attributes, StringComparison.Ordinal);
            Assert.Contains("; path=/", attributes, StringComparison.Ordinal);
            Assert.DoesNotContain("domain=", attributes, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Over_plain_http_in_development_the_cookies_are_not_prefixed_and_still_http_only()
    {
        await using var app = App();
        using var client = FormClient.Create(app);

        var antiforgery = SetCookie(await client.GetAsync("/account/login"), "ki.af");
        var auth = SetCookie(await FormClient.SignInAsync(client, "officer", AppFixture.DemoPassword), "ki.auth");

        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Production_assumes_https_sends_hsts_and_prefixes_the_cookies()
    {
        await using var production = App("Production");
        await using var development = App();
        using var https = FormClient.Create(production, "https://kunshan.test");
        using var developmentHttps = FormClient.Create(development, "https://kunshan.test");

        var page = await https.GetAsync("/account/login");
        var developmentPage = await developmentHttps.GetAsync("/account/login");

        Assert.True(page.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "HSTS in Production");
        Assert.Contains("max-age=", hsts!.Single(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(SetCookie(page, "__Host-ki.af")));
        Assert.False(developmentPage.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Every_response_carries_csp_nosniff_and_referrer_policy_with_base_uri_none_except_on_blazor_documents()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var api = await client.GetAsync("/api/v1/projects");
        var health = await client.GetAsync("/health/live");
        var document = await client.GetAsync("/account/login");

        foreach (var response in new[] { api, health, document })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }

        Assert.Contains("base-uri 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", health.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Blazor resolves routes and assets against <base href="/">: its HTML documents need base-uri 'self' (ADR 0015).
        Assert.Contains("base-uri 'self'", document.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<base href=\"/\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_after_12_hours_however_busy()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App(configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        using var idle = FormClient.Create(app);
        await FormClient.SignInAsync(idle, "officer", AppFixture.DemoPassword);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/v1/auth/me")).StatusCode); // slides on
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/v1/auth/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/auth/me")).StatusCode);

        using var busy = FormClient.Create(app);
        await FormClient.SignInAsync(busy, "officer", AppFixture.DemoPassword);
        var started = clock.GetUtcNow();
        while (clock.GetUtcNow() - started < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(21)); // 12 h 1 min after sign-in, 21 minutes after the last request
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Every_form_post_endpoint_refuses_a_post_without_the_antiforgery_token_and_accepts_one_with_it()
    {
        var factory = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile());
        await using var app = factory;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation == true || e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Page: e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
                ManagersOnly: e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Roles is { } r && r.Contains("Manager", StringComparison.Ordinal) && !r.Contains("Admin", StringComparison.Ordinal))))
            .Where(e => !e.Route.Contains('*', StringComparison.Ordinal))
            .Select(e => (Route: System.Text.RegularExpressions.Regex.Replace(e.Route, "\\{[^}]+\\}", Guid.Empty.ToString(), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)), e.Page, e.ManagersOnly))
            .Distinct()
            .ToList();
        Assert.Superset(
            new HashSet<string>(["/account/login", "/account/change-password", "/account/two-factor/verify", "/account/logout", "/account/two-factor"]),
            endpoints.Select(e => e.Route).ToHashSet());

        // Posted by a user the page admits (authorisation runs first): the partner for the portal, a manager on the
        // managers' own pages (verifying figures is not an admin's), the admin elsewhere.
        using var client = FormClient.Create(app);
        await FormClient.SignInAsync(client, "officer", AppFixture.DemoPassword);
        using var partner = FormClient.Create(app);
        await FormClient.SignInAsync(partner, "partner", AppFixture.DemoPassword);
        using var manager = FormClient.Create(app);
        await FormClient.SignInAsync(manager, "manager", AppFixture.DemoPassword);
        using var admin = FormClient.Create(app);
        await FormClient.SignInAsync(admin, "admin", AppFixture.DemoPassword);
        await FormClient.PostAsync(admin, "/account/two-factor/verify", "/account/two-factor/verify", new Dictionary<string, string> { ["code"] = await factory.AdminCodeAsync() });
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/users")).StatusCode);
        var refusedWrongly = new List<string>();
        foreach (var (route, page, managersOnly) in endpoints)
        {
            var poster = !page ? client : route.StartsWith("/portal", StringComparison.Ordinal) ? partner : managersOnly ? manager : admin;
            var response = await poster.PostAsync(route, new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "officer" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                refusedWrongly.Add($"{route}: {(int)response.StatusCode} without a token");
            }
        }

        // With the token the minimal-API form posts proceed (a redirect, never 400); sign-out last.
        foreach (var (route, _, _) in endpoints.Where(e => !e.Page).OrderBy(e => e.Route == "/account/logout"))
        {
            var response = await FormClient.PostAsync(client, "/account/login", route, new Dictionary<string, string> { ["userName"] = "officer", ["password"] = "wrong" });
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                refusedWrongly.Add($"{route}: {(int)response.StatusCode} with the token");
            }
        }

        Assert.True(refusedWrongly.Count == 0, string.Join(Environment.NewLine, refusedWrongly));
    }

    [Fact]
    public async Task Sign_ins_and_refusals_are_logged_with_utc_time_and_user_but_no_secret_and_no_forged_lines()
    {
        var log = new CapturingLoggerProvider();
        await using var factory = new KunshanApiFactory(DatabaseProvider.Sqlite, SqliteFile());
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        using var client = app.CreateClient();
        var code = await factory.AdminCodeAsync();

        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AppFixture.DemoPassword, twoFactorCode = code });
        var officer = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer", password = AppFixture.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "evil\r\nSign-in succeeded for admin", password = "Guess#1234" });
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer2", password = "Wrong#Guess-1" });
        await client.GetAsync("/api/v1/projects");
        using var asOfficer = app.CreateClient();
        asOfficer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await asOfficer.GetAsync("/api/v1/admin/users")).StatusCode);

        var events = log.Entries.Where(e => e.Id.Id is >= 4000 and < 4100).ToList();
        Assert.Contains(events, e => e.Id.Id == SecurityEvents.SignInSucceeded && e.Field("UserName") == "admin" && e.Field("Method") == "password+authenticator");
        Assert.Contains(events, e => e.Id.Id == SecurityEvents.SignInSucceeded && e.Field("UserName") == "officer");
        Assert.Contains(events, e => e.Id.Id == SecurityEvents.SignInFailed && e.Field("UserName") == "officer2" && e.Field("Reason") == "bad-password");
        var forged = Assert.Single(events, e => e.Id.Id == SecurityEvents.SignInFailed && e.Message.Contains("evil", StringComparison.Ordinal));
        Assert.Equal("evil__Sign-in succeeded for admin", forged.Field("UserName"));
        Assert.Contains(events, e => e.Id.Id == SecurityEvents.AuthorizationDenied && e.Field("Status") == "401" && e.Field("Path") == "/api/v1/projects");
        Assert.Contains(events, e => e.Id.Id == SecurityEvents.AuthorizationDenied && e.Field("Status") == "403" && e.Field("UserName") == "officer");

        foreach (var entry in events)
        {
            Assert.DoesNotContain('\n', entry.Message);
            Assert.DoesNotContain('\r', entry.Message);
            Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(entry.State.Single(kv => kv.Key == "AtUtc").Value).Kind);
        }

        foreach (var entry in log.Entries)
        {
            Assert.DoesNotContain(AppFixture.DemoPassword, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Guess#1234", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(code, entry.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task In_production_an_unhandled_exception_answers_problem_details_without_exception_text_or_stack()
    {
        await using var app = App("Production", b => b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpoint>()));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kunshan.test") });

        foreach (var accept in new[] { "application/json", "text/html" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ThrowingEndpoint.Path);
            request.Headers.Accept.ParseAdd(accept);
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(ThrowingEndpoint.Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task In_production_a_seeded_account_signing_in_through_the_form_is_sent_to_change_its_password_without_a_session()
    {
        await using var app = App("Production");
        using var client = FormClient.Create(app, "https://kunshan.test");

        var response = await FormClient.SignInAsync(client, "officer", ProductionPassword);

        Assert.StartsWith("/account/change-password?userName=officer", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("", SetCookie(response, "__Host-ki.auth"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    /// <summary>A test-only endpoint behind the app's pipeline that throws with a message that must not leak.</summary>
    private sealed class ThrowingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Path = "/__test/throw";
        public const string Secret = "connection-string-Password=hunter2";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}

/// <summary>Keeps every log entry with its structured fields.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public string? Field(string name) => Convert.ToString(State.FirstOrDefault(kv => kv.Key == name).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}
