using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// 首报奖励, as the bureau would use it: a manager at a desk proposes a payout out of the demo partner's unpaid rewards,
/// approves it and marks it paid; the partner, on a phone (390×844), finds it in its portal with the reference.
/// </summary>
public sealed class RewardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task OpenAsync(IPage page, string path, string ready)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(ready);
    }

    [Fact]
    public async Task A_manager_approves_and_pays_a_payout_and_the_partner_sees_it_on_a_phone()
    {
        var reference = $"BANK-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

        var manager = await app.NewPageAsync();
        await app.JourneyAsync(manager, "rewards-manager-pays", async () =>
        {
            await TwoStep.SignInAsync(manager, "manager");
            await OpenAsync(manager, "/ledger", "[data-testid=balance-table]");
            await BrowserApp.ScreenshotAsync(manager, "90-rewards-ledger-desk");
            var payoutsBefore = await manager.Locator("[data-testid=payout-table] tbody tr").CountAsync();

            await manager.Locator("[data-testid=balance-table] [data-testid=propose-payout]").First.ClickAsync();
            await manager.WaitForSelectorAsync("[data-testid=propose-form]");
            await manager.FillAsync("[data-testid=payout-amount]", "10000");
            await BrowserApp.ScreenshotAsync(manager, "91-rewards-propose");
            await manager.ClickAsync("[data-testid=payout-submit]");
            await manager.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=payout-table] tbody tr').length === {payoutsBefore + 1}");
            var newest = manager.Locator("[data-testid=payout-table] tbody tr").First;
            Assert.Contains("待审批", await newest.Locator("[data-testid=payout-status]").InnerTextAsync(), StringComparison.Ordinal);

            await newest.Locator("[data-testid=approve-payout]").ClickAsync();
            await manager.Locator("[data-testid=payout-table] tbody tr").First.Locator("[data-testid=payout-status]:has-text('已审批')").WaitForAsync();
            await BrowserApp.ScreenshotAsync(manager, "92-rewards-approved");

            await manager.Locator("[data-testid=payout-table] tbody tr").First.Locator("[data-testid=mark-paid]").ClickAsync();
            await manager.FillAsync("[data-testid=payout-reference]", reference);
            await manager.ClickAsync("[data-testid=payout-paid-submit]");
            await manager.Locator("[data-testid=payout-table] tbody tr").First.Locator("[data-testid=payout-status]:has-text('已支付')").WaitForAsync();
            Assert.Contains(reference, await manager.Locator("[data-testid=payout-table] tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(manager, "93-rewards-paid");
        });

        var partner = await app.NewPageAsync();
        await app.JourneyAsync(partner, "rewards-partner-sees-payout", async () =>
        {
            await partner.SetViewportSizeAsync(390, 844);
            await TwoStep.SignInAsync(partner, "partner");
            await OpenAsync(partner, "/portal", "[data-testid=new-submission]");
            await partner.Locator(".mud-tab", new() { HasTextString = "我的奖励" }).ClickAsync();
            await partner.WaitForSelectorAsync("[data-testid=my-rewards]");
            var paid = partner.Locator("[data-testid=payout-table] tbody tr", new() { HasTextString = reference });
            await paid.WaitForAsync();
            Assert.Contains("已支付", await paid.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("10,000.00", await paid.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await partner.Locator("[data-testid=approve-payout]").CountAsync());
            Assert.True(await partner.Locator("[data-testid=accrual-table] tbody tr").CountAsync() >= 3);
            var width = await partner.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"The portal scrolls sideways on a phone: {width}px");
            await BrowserApp.ScreenshotAsync(partner, "94-rewards-partner-phone");
        });
    }
}
