using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Issue 16's ledger journey: a manager previews a 200-row ledger with three bad rows, sees exactly those three (at a
/// desk and on a 390×844 phone), nothing is saved; the fixed file then saves all 200.
/// </summary>
public sealed class LedgerJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_200_row_ledger_with_three_bad_rows_shows_them_and_saves_nothing_then_saves_all_once_fixed()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "ledger-journey", () => JourneyAsync(page));
    }

    private static byte[] Ledger(string run, bool broken)
    {
        var rows = Enumerable.Range(1, 200).Select(i => new Dictionary<string, object?>
        {
            [LedgerColumns.Code] = $"E2E-{run}-{i:000}",
            [LedgerColumns.Name] = $"旅程台账项目 {run}-{i}",
            [LedgerColumns.Enterprise] = i == 1 ? "瑞幸咖啡（中国）有限公司" : $"旅程企业{run}-{i}",
            [LedgerColumns.Sector] = broken && i == 50 ? "量子咖啡" : "coffee",
            [LedgerColumns.Park] = broken && i == 120 ? "月球园区" : "kdz",
            [LedgerColumns.Owner] = "officer",
            [LedgerColumns.Source] = "展会",
            [LedgerColumns.Investment] = 3000d + i,
            [LedgerColumns.Stage] = "签约",
            [LedgerColumns.SignedOn] = broken && i == 180 ? "2024-13-45" : "2024-05-20",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [LedgerColumns.LedgerSheet] = rows }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private async Task<int> ProjectsAsync(string run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var prefix = $"E2E-{run}-";
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Projects.CountAsync(p => p.Code.StartsWith(prefix));
    }

    private static Task UploadAsync(IPage page, byte[] content) =>
        page.SetInputFilesAsync("[data-testid=ledger-file]", new FilePayload { Name = "台账.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = content });

    private async Task JourneyAsync(IPage page)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        await TwoStep.SignInAsync(page, "manager");
        await page.GotoAsync("/projects/ledger");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

        await UploadAsync(page, Ledger(run, broken: true));
        await page.WaitForSelectorAsync("[data-testid=ledger-summary]", new() { Timeout = 60_000 });
        var bad = page.Locator("[data-testid=ledger-rows] [data-testid=ledger-bad-row]");
        Assert.Equal(3, await bad.CountAsync());
        var text = await page.InnerTextAsync("[data-testid=ledger-rows]");
        Assert.Contains("量子咖啡", text, StringComparison.Ordinal);
        Assert.Contains("月球园区", text, StringComparison.Ordinal);
        Assert.Contains("2024-13-45", text, StringComparison.Ordinal);
        Assert.True(await page.IsDisabledAsync("[data-testid=ledger-confirm]"));
        Assert.Contains("3", await page.InnerTextAsync("[data-testid=ledger-summary]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "40-ledger-three-bad-rows-desk");

        await page.SetViewportSizeAsync(390, 844);
        var cards = await page.InnerTextAsync("[data-testid=ledger-cards]");
        Assert.Contains("量子咖啡", cards, StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("[data-testid=ledger-cards]"));
        Assert.False(await page.IsVisibleAsync("[data-testid=ledger-rows]"));
        await BrowserApp.ScreenshotAsync(page, "41-ledger-three-bad-rows-phone");
        Assert.Equal(0, await ProjectsAsync(run));

        await page.SetViewportSizeAsync(1280, 900);
        await UploadAsync(page, Ledger(run, broken: false));
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=ledger-confirm]') && !document.querySelector('[data-testid=ledger-confirm]').disabled", null, new() { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("[data-testid=ledger-rows] [data-testid=ledger-bad-row]").CountAsync());
        await page.ClickAsync("[data-testid=ledger-confirm]");
        await page.WaitForSelectorAsync("[data-testid=ledger-summary]:has-text('已导入')", new() { Timeout = 120_000 });
        Assert.Contains("200", await page.InnerTextAsync("[data-testid=ledger-summary]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "42-ledger-imported-desk");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, "43-ledger-imported-phone");
        Assert.Equal(200, await ProjectsAsync(run));
    }
}
