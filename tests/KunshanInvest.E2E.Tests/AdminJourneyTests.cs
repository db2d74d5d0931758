using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>Issue 7, tried as a new admin would: create an officer, assign them to the coffee sector, disable a leaver.</summary>
public sealed class AdminJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
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
    public async Task An_admin_creates_an_officer_assigns_them_to_coffee_and_disables_a_leaver()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "admin-journey", () => JourneyAsync(page));
    }

    private static async Task JourneyAsync(IPage page)
    {
        await TwoStep.SignInAsync(page, "admin");
        await page.ClickAsync("[data-testid=nav-admin-users]");
        await page.WaitForSelectorAsync("[data-testid=user-table]");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await BrowserApp.ScreenshotAsync(page, "20-admin-users");

        // A weak initial password is refused with Identity's reason beside the field.
        await page.FillAsync("[data-testid=new-user-name]", "zhaoxin");
        await page.FillAsync("[data-testid=new-user-display]", "招商专员 赵新");
        await page.FillAsync("[data-testid=new-user-email]", "zhaoxin@kunshan.test");
        await page.FillAsync("[data-testid=new-user-password]", "alllowercase");
        await page.ClickAsync("[data-testid=new-user-save]");
        await page.WaitForSelectorAsync("text=三类");

        await page.FillAsync("[data-testid=new-user-password]", "Kunshan#2026");
        await page.ClickAsync("[data-testid=new-user-save]");
        await page.WaitForSelectorAsync("[data-testid=edit-user]:has-text('赵新')");
        var row = page.Locator("[data-testid=user-row][data-user=zhaoxin]");
        Assert.Contains("招商专员", await row.Locator("[data-testid=user-roles]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("待改密", await row.Locator("[data-testid=user-status]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "21-officer-created");

        await PickAsync(page, "edit-sectors", "咖啡");
        await page.ClickAsync("[data-testid=save-sectors]");
        await page.WaitForSelectorAsync("[data-testid=user-row][data-user=zhaoxin] [data-testid=user-sectors]:has-text('咖啡')");
        await BrowserApp.ScreenshotAsync(page, "22-officer-assigned-to-coffee");

        // A leaver: disabling shows their open follow-ups, to hand to a colleague.
        await page.Locator("[data-testid=user-row][data-user=officer2] [data-testid=edit-user-button]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=edit-user]:has-text('李静')");
        await page.ClickAsync("[data-testid=disable-user]");
        await page.WaitForSelectorAsync("[data-testid=open-follow-ups]");
        Assert.Contains("已停用", await page.Locator("[data-testid=user-row][data-user=officer2] [data-testid=user-status]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "23-leaver-disabled-open-follow-ups");

        var open = await page.Locator("[data-testid=open-follow-up]").CountAsync();
        Assert.True(open > 0, "the demo officer2 has open follow-ups");
        var first = page.Locator("[data-testid=open-follow-up]").First;
        await first.Locator("[data-testid=reassign-to]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "王晓" }).First.ClickAsync();
        await first.Locator("[data-testid=reassign]").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=open-follow-up]').length === {open - 1}");
        await BrowserApp.ScreenshotAsync(page, "24-follow-up-reassigned");
    }
}
