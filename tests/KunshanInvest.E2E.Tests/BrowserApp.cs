using System.Net;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// The whole app on real Kestrel (loopback, free port) over a fresh SQLite file with demo data, and the
/// system Chromium driven by Playwright. Screenshots go to <see cref="ScreenshotFolder"/>.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for a journey that needs known rows in the database first.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(UnavailableReason ?? "The app is not running.");

    public string? UnavailableReason { get; private set; }

    /// <summary>The app's data folder (the .eml pickup folder is its <c>mail</c>).</summary>
    public string DataDirectory { get; private set; } = "";

    /// <summary>Configuration beyond the defaults, for a fixture that needs it (e.g. the jobs).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Kept by .ci/run as artefacts: tests/KunshanInvest.E2E.Tests/bin/.../screenshots, or KI_SCREENSHOTS.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Environment.GetEnvironmentVariable("KI_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Chromium not found at {ChromiumPath} (apt-get install -y chromium)";
            return;
        }

        var data = Directory.CreateTempSubdirectory("ki-e2e-").FullName;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(data, "e2e.db")}");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("RateLimits:SignInPerMinute", "100000");
            builder.UseSetting("Database:DataDirectory", data);
            builder.UseSetting("Jobs:Enabled", "false"); // no Hangfire unless a fixture asks for it
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
        });
        DataDirectory = data;
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the app, or a skip / failure when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Requirement.Need(UnavailableReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        // Generous: CI runs the browser tests beside the API suites on two cores.
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                BrowserErrors.Enqueue($"{message.Type}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>What the browser logged as errors (Blazor reports circuit failures there), for failure messages.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> BrowserErrors { get; } = new();

    /// <summary>Runs a journey; on failure keeps a screenshot and adds the browser's errors to the message.</summary>
    public async Task JourneyAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException or Xunit.Sdk.XunitException)
        {
            await ScreenshotAsync(page, $"FAILED-{name}");
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}Browser: {string.Join(Environment.NewLine, BrowserErrors)}", ex);
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>The browser app with a Hangfire server (in-memory storage), for the jobs journey.</summary>
public sealed class JobsBrowserApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:Storage"] = "InMemory",
        ["Jobs:RemindOnStartup"] = "false",
        ["Jobs:PollingSeconds"] = "1",
    };
}
