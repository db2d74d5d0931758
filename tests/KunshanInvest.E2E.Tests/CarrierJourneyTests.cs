using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// An admin imports a carrier workbook (a 50-亩 industrial parcel on offer and a factory with vacancy): the preview shows
/// what it will do, the confirmed import lands, the /carriers overview's available 亩 grows by exactly 50, and the
/// parcel's page shows its Imported history line — at the desk and on a 390×844 phone, no page wider than the screen.
/// </summary>
public sealed partial class CarrierJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_admin_imports_carriers_sees_the_overview_grow_and_opens_the_parcels_history()
    {
        var code = $"A-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "carrier-journey", async () =>
        {
            await TwoStep.SignInAsync(page, "admin");
            await page.ClickAsync("[data-testid=nav-carriers]");
            await page.WaitForSelectorAsync("[data-testid=total-free-mu]");
            var before = Number(await page.InnerTextAsync("[data-testid=total-free-mu]"));

            await page.ClickAsync("[data-testid=import-carriers]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.SetInputFilesAsync("[data-testid=carrier-file]", new FilePayload
            {
                Name = "载体.xlsx",
                MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Buffer = Workbook(code),
            });
            await page.WaitForSelectorAsync("[data-testid=carrier-import-summary]:has-text('将新增宗地 1')");
            await BrowserApp.ScreenshotAsync(page, "80-carrier-import-preview-desk");
            await page.ClickAsync("[data-testid=carrier-confirm]");
            await page.WaitForSelectorAsync("[data-testid=carrier-import-summary]:has-text('已导入')");

            await page.GotoAsync("/carriers");
            await page.WaitForSelectorAsync("[data-testid=total-free-mu]");
            Assert.Equal(before + 50, Number(await page.InnerTextAsync("[data-testid=total-free-mu]")), 6);
            await page.WaitForSelectorAsync($"[data-testid=parcel-link]:has-text('{code}')");
            await BrowserApp.ScreenshotAsync(page, "81-carriers-overview-desk");

            await page.Locator("[data-testid=parcel-link]").Filter(new() { HasText = code }).ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=history-line][data-kind=Imported]");
            Assert.Equal(code, (await page.InnerTextAsync("[data-testid=parcel-title]")).Trim());
            Assert.Contains("可供", await page.InnerTextAsync("[data-testid=parcel-status]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, "82-parcel-history-desk");

            await page.SetViewportSizeAsync(390, 844);
            await page.WaitForTimeoutAsync(300);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The parcel's page is wider than the phone.");
            await BrowserApp.ScreenshotAsync(page, "83-parcel-history-phone");
            await page.GotoAsync("/carriers");
            await page.WaitForSelectorAsync($"[data-testid=parcel-link]:has-text('{code}')");
            await page.WaitForTimeoutAsync(300);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The carriers page is wider than the phone.");
            await BrowserApp.ScreenshotAsync(page, "84-carriers-overview-phone");
        });
    }

    private static double Number(string chip) =>
        double.Parse(LastNumber().Match(chip).Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static byte[] Workbook(string code)
    {
        var sheets = new Dictionary<string, object>
        {
            ["宗地"] = new[] { new Dictionary<string, object?> { ["宗地编号"] = code, ["园区"] = "kdz", ["面积(亩)"] = 50, ["用途"] = "工业", ["状态"] = "可供", ["指导价(万元/亩)"] = 48, ["备注"] = "旅程导入" } },
            ["房源"] = new[] { new Dictionary<string, object?> { ["园区"] = "昆山开发区", ["楼栋"] = $"{code} 厂房", ["类型"] = "标准厂房", ["面积(平方米)"] = 6000, ["空置面积(平方米)"] = 2000, ["层数"] = 2 } },
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [GeneratedRegex(@"[\d,]+(\.\d+)?\s*$")]
    private static partial Regex LastNumber();
}
