using System.Globalization;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// The pipeline's flags and hand-overs in Chromium, at the desk and at 390×844: a manager opens a stalled project the
/// 六未 escalation reached level 3, reads its flags and accepts the reassignment proposal; the dashboard's sector ×
/// stage matrix links to the filtered list; an officer's half-typed lead survives a dropped connection.
/// </summary>
public sealed class PipelineJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Keeps every WebSocket the page opens, so a test can drop Blazor's connection as a lost network would.</summary>
    private const string KeepSockets = """
        (() => {
          const Native = window.WebSocket;
          window.__kiSockets = [];
          window.WebSocket = function (...args) { const s = new Native(...args); window.__kiSockets.push(s); return s; };
          window.WebSocket.prototype = Native.prototype;
          Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        })();
        """;

    [Theory]
    [InlineData(1280, 800, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task A_manager_sees_a_stalled_projects_flags_and_accepts_the_reassignment_proposal(int width, int height, string size)
    {
        var (projectId, code, officerId) = await AddEscalatedProjectAsync();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"reassign-journey-{size}", async () =>
        {
            await TwoStep.SignInAsync(page, "manager");
            await page.GotoAsync($"/projects/{projectId}");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("[data-testid=project-flags]");
            Assert.Contains("停滞", await page.InnerTextAsync("[data-testid=flag-stale]"), StringComparison.Ordinal);
            Assert.Equal("3", await page.GetAttributeAsync("[data-testid=flag-escalation]", "data-level"));
            Assert.Contains("建议转交", await page.InnerTextAsync("[data-testid=reassign-proposal]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, $"80-reassign-proposal-{size}");

            await page.ClickAsync("[data-testid=proposal-accept]");
            await page.WaitForSelectorAsync("[data-testid=reassign-confirm]");
            Assert.Contains("1 项跟进任务", await page.InnerTextAsync("[data-testid=reassign-follow-ups]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, $"81-reassign-dialog-{size}");
            await page.ClickAsync("[data-testid=reassign-confirm]");

            await page.WaitForSelectorAsync("[data-testid=reassignments]");
            Assert.Equal(0, await page.Locator("[data-testid=reassign-proposal]").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=flag-escalation]").CountAsync());
            await BrowserApp.ScreenshotAsync(page, $"82-reassigned-{size}");
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the page is no wider than the screen");
        });

        var (owner, followUpAssignee) = await QueryAsync(async db => (
            await db.Projects.Where(p => p.Id == projectId).Select(p => p.OwnerId).SingleAsync(),
            await db.FollowUps.Where(f => f.ProjectId == projectId).Select(f => f.AssigneeId).SingleAsync()));
        Assert.NotEqual(officerId, owner);
        Assert.Equal(owner, followUpAssignee);
        Assert.True(await QueryAsync(db => db.ProjectReassignments.AnyAsync(r => r.ProjectId == projectId && r.EscalationLevel == 3)), code);
    }

    [Theory]
    [InlineData(1280, 800, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task The_dashboards_funnel_matrix_links_a_cell_to_the_list_of_its_projects(int width, int height, string size)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"funnel-matrix-journey-{size}", async () =>
        {
            await TwoStep.SignInAsync(page, "manager");
            await page.GotoAsync("/dashboard");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("[data-testid=funnel-matrix]");
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the matrix scrolls inside its box, not the page");
            await page.Locator("[data-testid=funnel-matrix-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page, $"83-funnel-matrix-{size}");

            var cell = page.Locator("[data-testid=matrix-cell]").First;
            var count = int.Parse((await cell.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
            var stage = (await cell.GetAttributeAsync("data-stage"))!;
            await cell.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/projects?sector=", StringComparison.Ordinal) && url.Contains($"stage={stage}", StringComparison.Ordinal));
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForFunctionAsync("n => (document.querySelector('[data-testid=project-total]')?.innerText || '').includes(String(n))", count);
            await BrowserApp.ScreenshotAsync(page, $"84-matrix-cell-list-{size}");
        });
    }

    [Theory]
    [InlineData(1280, 800, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task A_lead_typed_before_and_during_a_dropped_connection_survives_and_submits(int width, int height, string size)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.Context.AddInitScriptAsync(KeepSockets);
        var name = $"断网测试企业{Guid.NewGuid():N}"[..14];
        var english = $"Offline Test {size}";
        await app.JourneyAsync(page, $"reconnect-journey-{size}", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await page.GotoAsync("/projects/new");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            // The sector is picked while connected; the names are the typed text that must survive.
            await page.ClickAsync("[data-testid=lead-sector]");
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "咖啡" }).First.ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.FillAsync("[data-testid=lead-name-zh]", name);
            await page.PressAsync("[data-testid=lead-name-zh]", "Tab");

            // The network drops: no new connection can be made and Blazor's socket closes.
            await page.Context.SetOfflineAsync(true);
            await page.EvaluateAsync("() => window.__kiSockets.forEach(s => s.readyState === 1 && s.close(4000, 'network lost'))");
            await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-show");
            Assert.Contains("网络连接中断", await page.InnerTextAsync("#components-reconnect-modal"), StringComparison.Ordinal);
            Assert.Contains("已填写的内容会保留", await page.InnerTextAsync("#components-reconnect-modal"), StringComparison.Ordinal);
            await page.FillAsync("[data-testid=lead-name-en]", english);
            await page.PressAsync("[data-testid=lead-name-en]", "Tab");
            await BrowserApp.ScreenshotAsync(page, $"85-reconnect-notice-{size}");

            await page.Context.SetOfflineAsync(false);
            await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-hide", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            Assert.Equal(name, await page.InputValueAsync("[data-testid=lead-name-zh]"));
            Assert.Equal(english, await page.InputValueAsync("[data-testid=lead-name-en]"));
            await BrowserApp.ScreenshotAsync(page, $"86-reconnected-{size}");

            await page.ClickAsync("[data-testid=lead-save]");
            await page.WaitForSelectorAsync("[data-testid=lead-created]");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k === 'ki-draft:new-lead').length"));
        });

        var saved = await QueryAsync(db => db.Enterprises.Where(e => e.NameZh == name).Select(e => e.NameEn).SingleAsync());
        Assert.Equal(english, saved);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A project of the demo officer, 停滞-flagged and escalated to 六未 level 3 two days ago, with one open follow-up.</summary>
    private async Task<(Guid Id, string Code, Guid OfficerId)> AddEscalatedProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KE-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"六未测试企业 {code[3..11]}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"六未测试项目 {code[3..11]}", SourceChannel.WalkIn, officer, DateTime.UtcNow.AddDays(-120));
        project.Place(enterprise.Id, null, null);
        db.AddRange(enterprise, project, new Domain.FollowUps.FollowUp(project.Id, officer, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), "回访企业", officer, DateTime.UtcNow));
        await db.SaveChangesAsync();
        var escalatedAt = DateTime.UtcNow.AddDays(-2);
        await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.EscalationLevel, 3)
            .SetProperty(p => p.EscalatedAtUtc, (DateTime?)escalatedAt)
            .SetProperty(p => p.EscalatedStageEnteredAtUtc, p => (DateTime?)p.StageEnteredAtUtc)
            .SetProperty(p => p.StaleFlaggedAtUtc, (DateTime?)DateTime.UtcNow));
        return (project.Id, code, officer);
    }
}
