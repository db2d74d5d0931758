using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>Issue 8: an Admin signs in with password and authenticator code; a new Admin must enrol one first (QR page).</summary>
public sealed class TwoFactorJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Kunshan#New-2026";

    [Fact]
    public async Task The_demo_admin_signs_in_with_password_and_authenticator_code()
    {
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "two-factor-sign-in", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#userName", "admin");
            await page.FillAsync("#password", "Demo#2026");
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await page.WaitForSelectorAsync("[data-testid=two-factor-form]");
            await BrowserApp.ScreenshotAsync(page, "two-factor-01-code");

            await page.FillAsync("#code", "000000");
            await page.ClickAsync("[data-testid=two-factor-submit]");
            await page.WaitForSelectorAsync("[data-testid=two-factor-error]");

            await page.FillAsync("#code", await DemoAuthenticator.FreshCodeAsync(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + ":admin"));
            await page.ClickAsync("[data-testid=two-factor-submit]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            Assert.Equal("admin", await page.InnerTextAsync("[data-testid=current-user]"));
            await BrowserApp.ScreenshotAsync(page, "two-factor-02-signed-in");
        });
    }

    [Fact]
    public async Task A_new_admin_enrols_an_authenticator_from_the_qr_page_before_anything_else()
    {
        var page = await app.NewPageAsync();
        var userName = $"newadmin{Guid.NewGuid():N}"[..16];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, Email = $"{userName}@test.kunshan", DisplayName = "新管理员", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "Admin")).Succeeded);
        }

        await app.JourneyAsync(page, "two-factor-enrol", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#userName", userName);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await page.WaitForSelectorAsync("[data-testid=two-factor-qr]");
            Assert.True(await page.IsVisibleAsync("[data-testid=two-factor-required]"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=two-factor-qr]').naturalWidth > 100"));
            await BrowserApp.ScreenshotAsync(page, "two-factor-03-enrol-qr");

            // Nothing else opens before the enrolment.
            await page.GotoAsync("/admin/users");
            await page.WaitForSelectorAsync("[data-testid=sign-in-form]");
            await page.GotoAsync("/account/two-factor");
            await page.WaitForSelectorAsync("[data-testid=two-factor-qr]");

            var key = (await page.InnerTextAsync("[data-testid=two-factor-key]")).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            await page.FillAsync("#code", DemoAuthenticator.Code(key, DemoAuthenticator.Step(DateTimeOffset.UtcNow)));
            await page.ClickAsync("[data-testid=two-factor-submit]");
            await page.WaitForSelectorAsync("[data-testid=recovery-codes]");
            Assert.Equal(10, await page.Locator("[data-testid=recovery-codes] li").CountAsync());
            await BrowserApp.ScreenshotAsync(page, "two-factor-04-recovery-codes");

            await page.ClickAsync("[data-testid=two-factor-continue]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            Assert.Equal(userName, await page.InnerTextAsync("[data-testid=current-user]"));
            await page.ClickAsync("[data-testid=nav-admin-users]");
            await page.WaitForURLAsync("**/admin/users");
        });
    }
}
