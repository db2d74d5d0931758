using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>A new officer's day, as issue 3 tells it: log a lead for a known enterprise, work it up to 签约, find it again.</summary>
public sealed class OfficerJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
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

    [Fact]
    public async Task An_officer_logs_a_lead_for_a_known_enterprise_signs_it_and_finds_it_in_the_list()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "officer-journey", () => JourneyAsync(page));
    }

    private static async Task JourneyAsync(IPage page)
    {
        await TwoStep.SignInAsync(page, "officer");

        // Log a lead, typing a name that is already on file in another spelling.
        await page.GotoAsync("/projects/new");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("[data-testid=lead-name-zh]", "福斯咖啡（昆山）");
        await PickAsync(page, "lead-sector", "咖啡");
        await PickAsync(page, "lead-source", "展会");
        await page.FillAsync("[data-testid=lead-investment]", "8000");
        await page.ClickAsync("[data-testid=lead-save]");
        await page.WaitForSelectorAsync("[data-testid=duplicate-warning]");
        Assert.Contains("福斯咖啡", await page.InnerTextAsync("[data-testid=duplicate-warning]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "10-lead-duplicate-warning");

        await page.Locator("[data-testid=use-candidate]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=lead-created]");
        await BrowserApp.ScreenshotAsync(page, "11-lead-created");
        var code = (await page.InnerTextAsync("[data-testid=open-created]")).Trim();
        Assert.Matches(@"KS-\d{4}-\d{5}", code);

        // Try to sign straight away: the page names what is missing.
        await page.ClickAsync("[data-testid=open-created]");
        await page.WaitForSelectorAsync("[data-testid=stage-bar]");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await PickAsync(page, "stage-target", "签约");
        await page.ClickAsync("[data-testid=stage-move]");
        await page.WaitForSelectorAsync("[data-testid=stage-missing]");
        var missing = await page.InnerTextAsync("[data-testid=stage-missing]");
        Assert.Contains("载体", missing, StringComparison.Ordinal);
        Assert.Contains("载体", await page.InnerTextAsync("[data-testid=next-stage-missing]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "12-sign-refused-missing-park");

        // Record the visit that got the enterprise to commit.
        await page.FillAsync("[data-testid=visit-summary]", "拜访总经理,确认在昆山设立华东烘焙中心,选址倾向开发区。");
        await page.FillAsync("[data-testid=visit-next-steps]", "准备签约文本");
        await page.ClickAsync("[data-testid=visit-save]");
        await page.WaitForSelectorAsync("[data-testid=timeline-interaction]:has-text('华东烘焙中心')");
        await BrowserApp.ScreenshotAsync(page, "13a-visit-recorded");

        // Add the park and the pledge, then sign.
        await page.ClickAsync("text=基本信息");
        await PickAsync(page, "edit-park", "昆山开发区");
        await page.ClickAsync("[data-testid=save-basics]");
        await page.WaitForSelectorAsync(".mud-snackbar");
        await page.ClickAsync("text=协议与实际");
        await page.FillAsync("[data-testid=pledged-investment]", "8000");
        await page.ClickAsync("[data-testid=save-figures]");
        await page.WaitForSelectorAsync("[data-testid=target-ready]:has-text('签约')");
        await page.ClickAsync("[data-testid=stage-move]");
        await page.WaitForSelectorAsync("text=已进入「签约」");
        Assert.Equal("签约", (await page.InnerTextAsync("[data-testid=stage-chip]")).Trim());
        await BrowserApp.ScreenshotAsync(page, "13-signed");

        // Find it in the list, filtered to signed coffee projects.
        await page.GotoAsync("/projects");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("[data-testid=filter-text]", code);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=project-row]').length === 1");
        Assert.Equal(code, (await page.InnerTextAsync("[data-testid=project-code]")).Trim());
        await BrowserApp.ScreenshotAsync(page, "14-project-list-filtered");

        // Export what the list shows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
        var file = Path.Combine(BrowserApp.ScreenshotFolder, "15-export.xlsx");
        await download.SaveAsAsync(file);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var workbook = System.IO.Compression.ZipFile.OpenRead(file);
        var text = string.Concat(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("签约", text, StringComparison.Ordinal);
    }
}
