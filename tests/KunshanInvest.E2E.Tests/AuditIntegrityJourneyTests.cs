using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>Issue 8: an admin opens the audit integrity page, before and after someone alters an entry in the database.</summary>
public sealed class AuditIntegrityJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<string> OpenIntegrityPageAsync(IPage page)
    {
        await page.GotoAsync("/admin/audit-integrity");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        var result = page.Locator("[data-testid=audit-verify-result]");
        await result.WaitForAsync();
        return (await result.GetAttributeAsync("data-intact"))!;
    }

    [Fact]
    public async Task An_admin_sees_the_chain_intact_then_the_first_broken_link_after_a_tamper()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "audit-integrity", async () =>
        {
            await TwoStep.SignInAsync(page, "admin");
            await page.ClickAsync("[data-testid=nav-audit-integrity]");
            await page.WaitForURLAsync("**/admin/audit-integrity");
            Assert.Equal("true", await OpenIntegrityPageAsync(page));
            await BrowserApp.ScreenshotAsync(page, "audit-1-chain-intact");

            // Someone with database access rewrites what an officer did.
            var (id, sequence, changes) = await WithDbAsync(async db =>
            {
                var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType != "AuditLog").OrderByDescending(e => e.Sequence).FirstAsync();
                await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Changes" = '[]' WHERE "Id" = {entry.Id}""");
                return (entry.Id, entry.Sequence!.Value, entry.Changes);
            });
            try
            {
                Assert.Equal("false", await OpenIntegrityPageAsync(page));
                Assert.Equal(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-testid=audit-break-sequence]"));
                Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-testid=audit-break-entry]"));
                Assert.Contains("记录被篡改", await page.InnerTextAsync("[data-testid=audit-break-kind]"), StringComparison.Ordinal);
                await BrowserApp.ScreenshotAsync(page, "audit-2-broken-link-after-tamper");
            }
            finally
            {
                await WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Changes" = {changes} WHERE "Id" = {id}"""));
            }

            // Put back, the chain verifies again; the verifications themselves are in the trail.
            await page.ClickAsync("[data-testid=audit-verify]");
            await page.WaitForSelectorAsync("[data-testid=audit-verify-result][data-intact=true]");
            await page.GotoAsync("/audit");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.FillAsync("[data-testid=audit-entity-type]", "AuditLog");
            await page.ClickAsync("[data-testid=audit-search]");
            await page.Locator("[data-testid=audit-table] tbody tr").Filter(new() { HasText = "校验" }).First.WaitForAsync();
            await BrowserApp.ScreenshotAsync(page, "audit-3-verifications-in-the-trail");
        });
    }
}
