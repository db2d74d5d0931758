using System.Net.Http.Headers;
using System.Net.Http.Json;
using KunshanInvest.Infrastructure;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>The real host over a real database, seeded with the demo data.</summary>
public sealed class KunshanApiFactory(DatabaseProvider provider, string connectionString, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Tells this app from others to <see cref="DemoAuthenticator.FreshCodeAsync"/>.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A fresh authenticator code of the demo admin for this app.</summary>
    public Task<string> AdminCodeAsync() => DemoAuthenticator.FreshCodeAsync(Id + ":admin");

    /// <summary>The app's data folder (attachments), a fresh temporary one per app.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("ki-data-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Portal:SubmissionsPerMinute", "100000");
        builder.UseSetting("Database:DataDirectory", DataDirectory);

        // No Hangfire unless a test asks for it (settings below), so the other tests neither slow down nor race.
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            foreach (var interceptor in Interceptors)
            {
                services.AddSingleton(interceptor);
            }
        });
    }

    /// <summary>More interceptors for the app's DbContext (add before the server starts), e.g. to simulate a crash.</summary>
    public List<IInterceptor> Interceptors { get; } = [];

    /// <summary>Counts the SQL statements the app sends, to prove lists and reports use a bounded number.</summary>
    public SqlCounter Sql { get; } = new();
}

/// <summary>One app per test class and provider; <see cref="UnavailableReason"/> says why there is none.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public KunshanApiFactory? Factory { get; private set; }

    public string? UnavailableReason { get; private set; }

    public const string DemoPassword = "Demo#2026";

    protected abstract Task<(DatabaseProvider Provider, string? ConnectionString, string? Unavailable)> DatabaseAsync();

    /// <summary>Configuration this fixture's app runs with beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async ValueTask InitializeAsync()
    {
        var (provider, connectionString, unavailable) = await DatabaseAsync();
        UnavailableReason = unavailable;
        if (connectionString is not null)
        {
            Factory = new KunshanApiFactory(provider, connectionString, settings: Settings);
            _ = Factory.Server; // start (migrate + seed) now, not inside the first test
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }

    /// <summary>The app, or a skip (a failure under KI_REQUIRE_ALL=1) when its database is missing.</summary>
    public KunshanApiFactory App
    {
        get
        {
            Requirement.Need(UnavailableReason);
            return Factory!;
        }
    }

    public HttpClient Anonymous() => App.CreateClient();

    /// <summary>A client carrying a bearer token of the named demo account.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            // The demo admin has an authenticator (the README's key): the test signs in through the real second step.
            var twoFactorCode = userName == "admin" ? await App.AdminCodeAsync() : null;
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoPassword, twoFactorCode });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            _tokens[userName] = token;
        }

        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed class SqliteApp : AppFixture
{
    protected override Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ki-sqlite-").FullName;
        return Task.FromResult<(DatabaseProvider, string?, string?)>((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", null));
    }
}

public sealed class PostgresApp : AppFixture
{
    protected override async Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var unavailable = await PostgresServer.UnavailableReasonAsync();
        return unavailable is null
            ? (DatabaseProvider.PostgreSql, await PostgresServer.CreateDatabaseAsync("ki_api"), null)
            : (DatabaseProvider.PostgreSql, null, unavailable);
    }
}

/// <summary>A SQLite app whose portal allows only <see cref="SubmissionsPerMinute"/> submissions a minute per partner.</summary>
public sealed class SqliteLowRateApp : AppFixture
{
    public const int SubmissionsPerMinute = 3;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Portal:SubmissionsPerMinute"] = SubmissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    protected override Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ki-sqlite-").FullName;
        return Task.FromResult<(DatabaseProvider, string?, string?)>((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", null));
    }
}
