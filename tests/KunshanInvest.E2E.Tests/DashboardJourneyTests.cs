using System.Globalization;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// A new manager opens the dashboard, filters it to the coffee chain, reads the funnel and the stalled list, and
/// downloads the whole report as .xlsx: the file opens and its totals are the page's.
/// </summary>
public sealed class DashboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_filters_the_dashboard_to_coffee_and_the_downloaded_workbook_matches_the_page()
    {
        var page = await app.NewPageAsync();
        var stalledCode = await AddStalledCoffeeProjectAsync();
        await app.JourneyAsync(page, "manager-dashboard-journey", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#userName", "manager");
            await page.FillAsync("#password", "Demo#2026");
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

            // Found from the menu, as a new manager would.
            await page.ClickAsync("[data-testid=nav-dashboard]");
            await page.WaitForSelectorAsync("[data-testid=dashboard-loaded]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            var zoneProjects = int.Parse((await page.InnerTextAsync("[data-testid=funnel-total-projects]")).Trim(), CultureInfo.InvariantCulture);
            await BrowserApp.ScreenshotAsync(page, "50-dashboard-zone");

            await page.ClickAsync("[data-testid=filter-sector]");
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "咖啡" }).First.ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=dashboard-loaded][data-sector]");
            await page.WaitForSelectorAsync("[data-testid=funnel-table]");
            await page.WaitForSelectorAsync("[data-testid=stalled-table]");
            var projects = int.Parse((await page.InnerTextAsync("[data-testid=funnel-total-projects]")).Trim(), CultureInfo.InvariantCulture);
            var fen = long.Parse((await page.GetAttributeAsync("[data-testid=funnel-total-pledged]", "data-fen"))!, CultureInfo.InvariantCulture);
            var pledgedText = (await page.InnerTextAsync("[data-testid=funnel-total-pledged]")).Trim();
            var stalledRows = await page.Locator("[data-testid=stalled-row]").CountAsync();
            Assert.InRange(projects, 1, zoneProjects - 1);
            Assert.Contains("亿元", pledgedText, StringComparison.Ordinal);
            Assert.True(stalledRows > 0, "the coffee chain has a stalled project");
            var row = page.Locator("[data-testid=stalled-row]").Filter(new() { HasText = stalledCode });
            Assert.Contains("生豆进口许可待批复", await row.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, "51-dashboard-coffee");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
            var file = Path.Combine(BrowserApp.ScreenshotFolder, "52-dashboard-coffee.xlsx");
            await download.SaveAsAsync(file);
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

            await using var stream = File.OpenRead(file);
            Assert.Equal(19, MiniExcel.GetSheetNames(stream).Count); // a manager's workbook: 15 (the funnel matrix the 15th) + the service requests' four
            var funnel = stream.Query(useHeaderRow: true, sheetName: "项目漏斗").Cast<IDictionary<string, object?>>().ToList();
            Assert.All(funnel, r => Assert.Contains((string?)r["产业链"], new[] { "咖啡", "合计" }));
            var total = funnel.Single(r => (string?)r["产业链"] == "合计" && (string?)r["阶段"] == "合计");
            Assert.Equal(projects, Convert.ToInt32(total["项目数"], CultureInfo.InvariantCulture));
            Assert.Equal(fen / 100m, Convert.ToDecimal(total.Values.ElementAt(3), CultureInfo.InvariantCulture));
            var stalled = stream.Query(useHeaderRow: true, sheetName: "六未项目").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(stalledRows, stalled.Count);
        });
    }

    [Fact]
    public async Task An_admin_sets_a_coffee_target_and_reads_the_exchange_rates()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "admin-targets-journey", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#userName", "admin");
            await page.FillAsync("#password", "Demo#2026");
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await TwoStep.PassAsync(page, "admin");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

            await page.ClickAsync("[data-testid=nav-admin-targets]");
            await page.WaitForSelectorAsync("[data-testid=target-table]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.ClickAsync("[data-testid=new-target-sector]");
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "咖啡" }).First.ClickAsync();
            await page.FillAsync("[data-testid=new-target-value]", "12");
            await page.ClickAsync("[data-testid=create-target]");
            await page.WaitForSelectorAsync("[data-testid=target-row]:has-text('咖啡'):has-text('签约项目数')");
            await BrowserApp.ScreenshotAsync(page, "53-admin-targets");

            await page.ClickAsync("[data-testid=nav-admin-rates]");
            await page.WaitForSelectorAsync("[data-testid=rate-table]");
            Assert.Contains("7.12", await page.InnerTextAsync("[data-testid=rate-2026-USD]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, "54-admin-rates");
        });
    }

    [Fact]
    public async Task The_dashboard_shows_realised_figures_foreign_capital_and_the_per_mu_ranking_at_desk_and_phone_width()
    {
        var page = await app.NewPageAsync();
        var fen = await AddVerifiedFundsAsync();
        await app.JourneyAsync(page, "manager-realised-panels", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#userName", "manager");
            await page.FillAsync("#password", "Demo#2026");
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

            await page.GotoAsync("/dashboard");
            foreach (var panel in new[] { "realised-panel", "per-mu-panel", "foreign-sector-panel", "foreign-country-panel" })
            {
                await page.WaitForSelectorAsync($"[data-testid={panel}]");
            }

            // The verified entry shows in the cumulative total (万元), and the panels stop loading on their own.
            await page.WaitForSelectorAsync("[data-testid=realised-total]");
            Assert.Contains("万元", await page.InnerTextAsync("[data-testid=realised-total]"), StringComparison.Ordinal);
            await page.WaitForSelectorAsync("[data-testid=dashboard-loaded]");
            Assert.Equal(0, await page.Locator("[data-testid=report-loading]").CountAsync());
            await BrowserApp.ScreenshotAsync(page, "55-dashboard-realised-desk");

            await page.SetViewportSizeAsync(390, 844);
            await page.WaitForSelectorAsync("[data-testid=per-mu-panel]");
            foreach (var panel in new[] { "realised-panel", "per-mu-panel", "foreign-sector-panel", "foreign-country-panel" })
            {
                // Each new panel fits the phone's width (its tables scroll inside it).
                var box = await page.Locator($"[data-testid={panel}]").BoundingBoxAsync();
                Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 391, $"{panel}: {box?.X} + {box?.Width}");
            }

            await BrowserApp.ScreenshotAsync(page, "56-dashboard-realised-phone");
            Assert.True(fen > 0);
        });
    }

    /// <summary>A verified 到位资金 entry this month on a demo project (entered by the officer, verified by the manager).</summary>
    private async Task<long> AddVerifiedFundsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await db.Projects.Where(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity).OrderBy(p => p.Code).FirstAsync();
        var manager = await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        const long Fen = 12_345_678_00;
        var entry = new Domain.Figures.FigureEntry(project.Id, Domain.Figures.FigureKind.FundsInPlace, Domain.Figures.FigurePeriod.OfDate(now), Fen, "CNY", Fen, null, "E2E", project.OwnerId, now);
        entry.Verify(manager, now);
        db.FigureEntries.Add(entry);
        await db.SaveChangesAsync();
        return Fen;
    }

    /// <summary>A coffee project signed 120 days ago and not yet registered (签约未注册 after 90 days), with a blocking issue.</summary>
    private async Task<string> AddStalledCoffeeProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var coffee = await db.Sectors.Where(s => s.Code == "coffee").Select(s => s.Id).SingleAsync();
        var park = await db.Parks.OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KE-{Guid.NewGuid():N}"[..12];
        var signedAt = DateTime.UtcNow.AddDays(-120);
        var enterprise = new Enterprise($"旅程咖啡 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"旅程咖啡烘焙项目 {code}", SourceChannel.Expo, officer, signedAt.AddDays(-30));
        project.Place(enterprise.Id, coffee, park);
        project.Pledge(Money.CnyWan(8_000m), null, 60, null, null, null);
        project.Block("生豆进口许可待批复");
        project.MoveTo(ProjectStage.Signed, new StageActor(officer, false), null, signedAt, StageFacts.None);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return code;
    }
}
