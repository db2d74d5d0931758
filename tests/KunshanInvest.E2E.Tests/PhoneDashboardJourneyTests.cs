using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Issue 18: a manager signs in and reads the dashboard, at a desk and on a phone (390×844): the menu finds it (on a
/// phone through the temporary drawer, which closes again), every panel is on screen and within its width, nothing
/// scrolls sideways, the app bar stays one line with the account's actions in its menu, and a stalled project's card
/// opens its details with one tap. ADR 0036.
/// </summary>
public sealed class PhoneDashboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Panels = ["funnel-panel", "targets-panel", "stalled-panel", "trend-panel", "durations-panel"];

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task A_manager_reads_the_dashboard_without_scrolling_sideways(int width, int height)
    {
        var phone = width < 600;
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"phone-dashboard-{width}", async () =>
        {
            await TwoStep.SignInAsync(page, "manager");

            // The app bar is one line at any width; on a phone the user's actions sit in the account menu.
            var bar = await page.Locator(".mud-appbar").BoundingBoxAsync();
            Assert.True(bar!.Height <= 72, $"the app bar wraps: {bar.Height} px high at {width} px");
            Assert.Equal(phone, await page.Locator("[data-testid=account-menu]").IsVisibleAsync());
            Assert.Equal(!phone, await page.Locator("[data-testid=sign-out]").IsVisibleAsync());
            if (phone)
            {
                await page.ClickAsync("[data-testid=account-menu] button");
                await page.WaitForSelectorAsync("[data-testid=sign-out-menu]");
                Assert.Contains("manager", await page.InnerTextAsync("[data-testid=current-user-menu]"), StringComparison.OrdinalIgnoreCase);
                await BrowserApp.ScreenshotAsync(page, $"phone-dashboard-{width}-0-account-menu");
                await page.Mouse.ClickAsync(width / 2f, height / 2f); // outside the menu: it closes
                await page.WaitForSelectorAsync("[data-testid=sign-out-menu]", new() { State = WaitForSelectorState.Detached });

                // The drawer is temporary on a phone: closed until the menu button opens it.
                Assert.False(await page.Locator("[data-testid=nav-dashboard]").IsVisibleAsync());
                await page.ClickAsync(".mud-appbar [aria-label=menu]");
            }

            await page.ClickAsync("[data-testid=nav-dashboard]");
            await page.WaitForSelectorAsync("[data-testid=dashboard-loaded]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (phone)
            {
                // Closed again: the temporary drawer slides off the screen (its links stay in the page, left of it).
                await page.WaitForFunctionAsync("() => { const r = document.querySelector('[data-testid=nav-dashboard]')?.getBoundingClientRect(); return !r || r.right <= 0 || r.width === 0; }");
            }

            await BrowserApp.ScreenshotAsync(page, $"phone-dashboard-{width}-1-dashboard");
            foreach (var panel in Panels)
            {
                var locator = page.Locator($"[data-testid={panel}]");
                await locator.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
                Assert.True(await locator.IsVisibleAsync(), $"{panel} is not shown at {width} px");
                var box = await locator.BoundingBoxAsync();
                Assert.True(box!.X >= 0 && box.X + box.Width <= width + 1, $"{panel} runs past the screen at {width} px: x {box.X}, width {box.Width}");

                // Nothing (the drawer) lies over the panel: the element at its middle is inside it.
                var onTop = await locator.EvaluateAsync<bool>(
                    "e => { const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = Math.max(80, Math.min(r.top + r.height / 2, window.innerHeight - 1)); const hit = document.elementFromPoint(x, y); return !!hit && e.contains(hit); }");
                Assert.True(onTop, $"{panel} is covered at {width} px");
            }

            var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(scroll[0] <= scroll[1], $"the dashboard scrolls sideways at {width} px: {scroll[0]} > {scroll[1]}");
            await page.Locator("[data-testid=stalled-panel]").ScrollIntoViewIfNeededAsync();
            var card = page.Locator("[data-testid=stalled-row]").First;
            var details = card.Locator("td.ki-more").First;
            if (phone)
            {
                // A card shows what matters; the rest is one tap away, behind its toggle.
                Assert.False(await details.IsVisibleAsync(), "a stalled card shows its details before the tap");
                await card.Locator("[data-testid=card-more]").ClickAsync();
                await details.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            }
            else
            {
                Assert.True(await details.IsVisibleAsync(), "the desk table shows every column");
                Assert.False(await card.Locator("[data-testid=card-more]").IsVisibleAsync(), "the desk table has no card toggle");
            }

            await BrowserApp.ScreenshotAsync(page, $"phone-dashboard-{width}-2-stalled");
        });
    }
}
