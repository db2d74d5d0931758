using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>A manager records the signings of the 2025 coffee investment conference in one table and sees the totals.</summary>
public sealed class CeremonyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task PickAsync(IPage page, string selectTestId, string optionText)
    {
        await page.ClickAsync($"[data-testid={selectTestId}]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = optionText }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        // A multi-select keeps its list open after a pick; Escape closes it once the circuit has caught up.
        for (var attempt = 0; attempt < 10 && await page.Locator(".mud-popover-open .mud-list-item").CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(200);
        }
    }

    private static async Task FillRowAsync(IPage page, int row, string enterprise, string project, string wan)
    {
        await page.FillAsync($"[data-testid=row-enterprise-{row}]", enterprise);
        await page.Keyboard.PressAsync("Tab");
        await page.FillAsync($"[data-testid=row-project-{row}]", project);
        if (wan.Length > 0)
        {
            await page.FillAsync($"[data-testid=row-pledged-{row}]", wan);
            await page.Keyboard.PressAsync("Tab");
        }
    }

    [Fact]
    public async Task An_admin_records_three_signings_at_the_coffee_conference_and_sees_the_totals()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "ceremony-journey", () => JourneyAsync(page));
    }

    private static async Task JourneyAsync(IPage page)
    {
        await TwoStep.SignInAsync(page, "admin");

        await page.ClickAsync("[data-testid=nav-events]");
        await page.WaitForSelectorAsync("[data-testid=event-table]");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await BrowserApp.ScreenshotAsync(page, "30-events");

        // A new event needs its names and dates; the form says so before anything is saved.
        await page.ClickAsync("[data-testid=new-event] .mud-expand-panel-header");
        await page.FillAsync("[data-testid=event-code]", "coffee-roadshow-2026");
        await page.ClickAsync("[data-testid=event-save]");
        await page.WaitForSelectorAsync("text=请填写活动中文名称");
        await BrowserApp.ScreenshotAsync(page, "30a-new-event-needs-names");
        await page.ClickAsync("[data-testid=event-row][data-code=coffee-conf-2025] [data-testid=event-link]");
        await page.WaitForSelectorAsync("[data-testid=ceremony-table]");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        Assert.Contains("咖啡产业招商大会", await page.InnerTextAsync("[data-testid=event-name]"), StringComparison.Ordinal);
        var before = int.Parse(await page.InnerTextAsync("[data-testid=recorded-count]"), System.Globalization.CultureInfo.InvariantCulture);

        // Three rows: sector and park carry down from the row above; the third row forgets its pledge.
        await FillRowAsync(page, 0, "昆山云豆烘焙有限公司", "华东烘焙中心", "30000");
        await PickAsync(page, "row-sector-0", "咖啡");
        await page.ClickAsync("[data-testid=ceremony-add-row]");
        await FillRowAsync(page, 1, "苏州拾光咖啡器具有限公司", "咖啡器具研发总部", "12000");
        await page.ClickAsync("[data-testid=ceremony-add-row]");
        await FillRowAsync(page, 2, "昆山晨露冻干咖啡有限公司", "冻干咖啡工厂", "");
        await page.ClickAsync("[data-testid=ceremony-save]");
        await page.WaitForSelectorAsync("[data-testid=ceremony-error]");
        Assert.Contains("协议投资额", await page.InnerTextAsync("[data-testid=row-errors]"), StringComparison.Ordinal);
        Assert.Contains("第 3 行", await page.InnerTextAsync("[data-testid=row-errors]"), StringComparison.Ordinal);
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.InnerTextAsync("[data-testid=recorded-count]")).Trim());
        await BrowserApp.ScreenshotAsync(page, "31-ceremony-row-error");

        // Fix the row and save all three at once.
        await page.FillAsync("[data-testid=row-pledged-2]", "8000");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-testid=ceremony-save]");
        await page.WaitForSelectorAsync($"[data-testid=recorded-count]:text-is('{before + 3}')");
        await page.WaitForSelectorAsync("[data-testid=signing-row]:has-text('冻干咖啡工厂')");
        Assert.Equal(before + 3, await page.Locator("[data-testid=signing-row]").CountAsync());
        Assert.Contains("亿元", await page.InnerTextAsync("[data-testid=recorded-pledged]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "32-ceremony-saved-totals");
    }
}
