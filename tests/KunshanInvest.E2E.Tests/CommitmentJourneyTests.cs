using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// An officer records the agreement's 开工 deadline, which has passed without a construction start: the project's
/// commitments panel shows it missed, at the desk and on a 390×844 phone; a manager finds it on the /commitments page.
/// </summary>
public sealed class CommitmentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_officer_adds_a_commitment_past_its_date_and_sees_it_missed_and_a_manager_finds_it_in_the_overview()
    {
        var (projectId, code) = await AddSignedProjectAsync();
        var page = await app.NewPageAsync();
        await app.JourneyAsync(page, "commitment-journey", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await page.GotoAsync($"/projects/{projectId}");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.Locator(".mud-tab").Filter(new() { HasText = "协议承诺" }).ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=no-commitments]");

            await page.ClickAsync("[data-testid=commitment-metric]");
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "开工" }).First.ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            var date = page.Locator("[data-testid=commitment-check-on] input, input[data-testid=commitment-check-on]").First;
            await date.FillAsync("2026-01-31");
            await date.PressAsync("Tab");
            await page.FillAsync("[data-testid=commitment-clause]", "第六条:2026年1月底前开工");
            await page.ClickAsync("[data-testid=commitment-save]");

            await page.WaitForSelectorAsync("[data-testid=commitment-state][data-state=Missed]");
            var row = await page.InnerTextAsync("[data-testid=commitment-row]");
            Assert.Contains("未达成", row, StringComparison.Ordinal);
            Assert.Contains("2026-01-31", row, StringComparison.Ordinal);
            Assert.Contains("尚未达到", row, StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, "70-commitment-missed-desk");
            await page.SetViewportSizeAsync(390, 844);
            await page.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(page, "71-commitment-missed-phone");
        });

        var manager = await app.NewPageAsync();
        await app.JourneyAsync(manager, "commitment-overview", async () =>
        {
            await TwoStep.SignInAsync(manager, "manager");
            await manager.ClickAsync("[data-testid=nav-commitments]");
            await manager.WaitForSelectorAsync($"[data-testid=overview-row]:has-text('{code}')");
            Assert.Contains("未达成", await manager.Locator("[data-testid=overview-row]").Filter(new() { HasText = code }).InnerTextAsync(), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(manager, "72-commitments-overview-desk");
            await manager.SetViewportSizeAsync(390, 844);
            await manager.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(manager, "73-commitments-overview-phone");
        });
    }

    /// <summary>A signed project of the demo officer, without any milestone.</summary>
    private async Task<(Guid Id, string Code)> AddSignedProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KC-{Guid.NewGuid():N}"[..12];
        var enterprise = new Enterprise($"承诺旅程企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"承诺旅程项目 {code}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-300));
        project.Place(enterprise.Id, null, null);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return (project.Id, code);
    }
}
