using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>An admin opens a sector, gives it its own 六未 limit and deactivates it; an auditor then finds the changes.</summary>
public sealed class AdminCatalogJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task OpenAsync(IPage page, string path, string ready)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(ready);
    }

    [Fact]
    public async Task An_admin_sets_a_sectors_limits_and_deactivates_it_and_an_auditor_finds_the_changes()
    {
        var admin = await app.NewPageAsync();
        await app.JourneyAsync(admin, "admin-catalog-journey", async () =>
        {
            await TwoStep.SignInAsync(admin, "admin");
            await OpenAsync(admin, "/admin/sectors", "[data-testid=admin-sector-table]");
            await admin.FillAsync("[data-testid=new-sector-code]", "low-altitude");
            await admin.FillAsync("[data-testid=new-sector-name-zh]", "低空飞行器");
            await admin.FillAsync("[data-testid=new-sector-name-en]", "Low-altitude aircraft");
            await admin.ClickAsync("[data-testid=create-sector]");
            var row = admin.Locator("[data-testid=admin-sector-low-altitude]");
            await row.WaitForAsync();

            await row.Locator("[data-testid=edit-sector]").ClickAsync();
            await admin.FillAsync("[data-testid=limit-Signed]", "60");
            await admin.ClickAsync("[data-testid=save-sector]");
            await admin.WaitForSelectorAsync("[data-testid=admin-sector-low-altitude]:has-text('60 天')");
            await BrowserApp.ScreenshotAsync(admin, "40-admin-sector-limits");

            await admin.ClickAsync("[data-testid=deactivate-sector]");
            await admin.WaitForSelectorAsync("[data-testid=admin-sector-low-altitude]:has-text('已停用')");
            await admin.WaitForSelectorAsync("[data-testid=reactivate-sector]");
            await BrowserApp.ScreenshotAsync(admin, "41-admin-sector-deactivated");

            await OpenAsync(admin, "/admin/parks", "[data-testid=park-table]");
            await BrowserApp.ScreenshotAsync(admin, "42-admin-parks");
        });

        var auditor = await app.NewPageAsync();
        await app.JourneyAsync(auditor, "auditor-journey", async () =>
        {
            await TwoStep.SignInAsync(auditor, "auditor");
            Assert.Equal(0, await auditor.Locator("[data-testid=nav-admin-sectors]").CountAsync());
            await auditor.ClickAsync("[data-testid=nav-audit]");
            await auditor.WaitForSelectorAsync("[data-testid=audit-table]");
            await auditor.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await auditor.FillAsync("[data-testid=audit-entity-type]", "Sector");
            await auditor.FillAsync("[data-testid=audit-user]", "admin");
            await auditor.ClickAsync("[data-testid=audit-search]");
            // The search re-renders the table: wait for the searched rows, not for whatever was listed before.
            await auditor.WaitForFunctionAsync(
                "() => { const t = document.querySelector('[data-testid=audit-table]'); return !!t && t.innerText.includes('low-altitude') && t.innerText.includes('SignedDays') && t.innerText.includes('IsActive'); }");
            var table = await auditor.InnerTextAsync("[data-testid=audit-table]");
            Assert.Contains("SignedDays", table, StringComparison.Ordinal);
            Assert.Contains("IsActive", table, StringComparison.Ordinal);
            await auditor.WaitForFunctionAsync("() => (document.querySelector('[data-testid=audit-export-csv]')?.getAttribute('href') ?? '').includes('entityType=Sector')");
            await BrowserApp.ScreenshotAsync(auditor, "43-audit-search");
        });
    }
}
