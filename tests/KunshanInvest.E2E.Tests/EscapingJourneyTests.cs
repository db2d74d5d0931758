using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Stored script payloads render as text (issue 8): script and HTML typed into an enterprise name, a project title, visit
/// notes, a follow-up (and so a notification), a partner's submission and a sector name go in through the API, then
/// every page that shows them is opened. Each payload must appear literally, no dialog may open, and no element the
/// payloads would inject (an <c>img</c> with <c>src=x</c>, anything carrying <c>data-xss</c>) may exist in the page.
/// </summary>
public sealed class EscapingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    /// <summary>A payload that would run if rendered as markup; the tag makes each field's text findable.</summary>
    private string Payload(string field) => $"X{field}{_run}\"><img src=x data-xss onerror=alert(1)><script>alert(2)</script>";

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var twoFactorCode = await TwoStep.ApiCodeAsync(app.BaseUrl, userName);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Demo#2026", twoFactorCode });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Opens the page, waits for the tagged text, and checks it is there literally and nothing was injected.</summary>
    private Task ShowsLiterallyAsync(IPage page, string path, string screenshot, params string[] fields) =>
        ShowsLiterallyAsync(page, path, null, screenshot, fields);

    private async Task ShowsLiterallyAsync(IPage page, string path, Func<Task>? find, string screenshot, params string[] fields)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        if (find is not null)
        {
            await find();
        }

        foreach (var field in fields)
        {
            await page.GetByText($"X{field}{_run}", new() { Exact = false }).First.WaitForAsync();
        }

        var text = await page.InnerTextAsync("body");
        foreach (var field in fields)
        {
            Assert.Contains(Payload(field), text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await page.Locator("img[src='x'], [data-xss]").CountAsync());
        // The CSP would stop an injected handler from running, but the browser reports the attempt: there must be none.
        Assert.DoesNotContain(app.BrowserErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.text.includes('alert(2)')).length"));
        await BrowserApp.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task Script_payloads_stored_through_the_api_show_as_text_on_every_page()
    {
        var page = await app.NewPageAsync();
        using var admin = await ApiAsync("admin");
        using var officer = await ApiAsync("officer");
        using var officer2 = await ApiAsync("officer2");
        using var partner = await ApiAsync("partner");

        var sector = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/admin/sectors", new
        {
            code = $"xss{_run}",
            nameZh = Payload("sector"),
            nameEn = Payload("sectoren"),
            descriptionZh = Payload("sectordesc"),
            descriptionEn = (string?)null,
        }));
        var sectorId = sector.GetProperty("id").GetGuid();
        var lead = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/projects", new
        {
            newEnterprise = new { nameZh = Payload("enterprise"), nameEn = $"XSS Probe {_run} Ltd", country = "CN", ownership = "Domestic" },
            sectorId,
            source = "WalkIn",
            name = Payload("project"),
        }));
        var projectId = lead.GetProperty("id").GetGuid();
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/interactions", new
        {
            projectId,
            kind = "siteInspection",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            summary = Payload("visit"),
            nextSteps = Payload("next"),
        }));
        var officerId = (await JsonAsync(await officer.GetAsync("/api/v1/auth/me"))).GetProperty("id").GetGuid();
        await JsonAsync(await officer2.PostAsJsonAsync("/api/v1/follow-ups", new
        {
            projectId,
            assigneeId = officerId,
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)),
            title = Payload("task"),
        }));
        var submission = await JsonAsync(await partner.PostAsJsonAsync("/api/v1/portal/submissions", new
        {
            enterpriseNameZh = Payload("subname"),
            enterpriseNameEn = $"XSS Partner Probe {_run} GmbH",
            country = "DE",
            summary = Payload("summary"),
            sectorId,
            contactName = Payload("contact"),
            contactEmail = "probe@example.test",
        }));
        var submissionId = submission.GetProperty("id").GetGuid();

        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await app.JourneyAsync(page, "escaping-officer", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await ShowsLiterallyAsync(page, "/", "79-escaping-home-sector-chart", "sector");
            await ShowsLiterallyAsync(page, "/projects?mine=true", "80-escaping-project-list", "project");
            await ShowsLiterallyAsync(page, $"/projects/{projectId}", "81-escaping-project-page", "project", "visit");
            await ShowsLiterallyAsync(page, "/enterprises", async () =>
            {
                await page.FillAsync("[data-testid=enterprise-search]", $"XSS Probe {_run}");
                await page.PressAsync("[data-testid=enterprise-search]", "Enter");
            }, "82-escaping-enterprise-list", "enterprise");
            await ShowsLiterallyAsync(page, "/triage", "83-escaping-triage-queue", "subname");
            await ShowsLiterallyAsync(page, $"/triage/{submissionId}", "84-escaping-triage-page", "subname", "summary");
            await ShowsLiterallyAsync(page, "/notifications", "85-escaping-notifications", "task");
            // The dashboard names no new lead (its charts are per stage); it must still inject nothing.
            await ShowsLiterallyAsync(page, "/dashboard", () => page.WaitForSelectorAsync("[data-testid=dashboard-title]"), "86-escaping-dashboard");
        });

        var partnerPage = await app.NewPageAsync();
        partnerPage.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await app.JourneyAsync(partnerPage, "escaping-partner", async () =>
        {
            await TwoStep.SignInAsync(partnerPage, "partner");
            await ShowsLiterallyAsync(partnerPage, $"/portal/submissions/{submissionId}", "87-escaping-portal-submission", "subname", "summary");
        });

        var adminPage = await app.NewPageAsync();
        adminPage.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await app.JourneyAsync(adminPage, "escaping-admin", async () =>
        {
            await TwoStep.SignInAsync(adminPage, "admin");
            await ShowsLiterallyAsync(adminPage, "/admin/sectors", "88-escaping-admin-sectors", "sector");
        });

        Assert.Empty(dialogs);
    }
}
