using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// A major project in 洽谈 (3亿 pledged) is refused 签约 for want of a review; its sheet falls short on investment
/// intensity (the shortfall named live), the manager fails it, the officer revises the sheet, the manager passes it, and
/// the project signs — at the desk and on a 390×844 phone (ADR 0032).
/// </summary>
public sealed class ReviewJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_major_project_fails_review_on_intensity_is_revised_passes_and_signs()
    {
        var (projectId, code) = await AddMajorProjectAsync();
        var officer = await app.NewPageAsync();
        await app.JourneyAsync(officer, "review-journey-officer", async () =>
        {
            await TwoStep.SignInAsync(officer, "officer");
            await OpenReviewTabAsync(officer, projectId);
            await MoveToSignedAsync(officer);
            Assert.Contains("项目评审", await officer.InnerTextAsync("[data-testid=stage-missing] li[data-field=reviews]"), StringComparison.Ordinal);

            await OpenReviewTabAsync(officer, projectId);
            await FillAsync(officer, "review-mu", "50");
            await FillAsync(officer, "review-investment", "20000");
            await FillAsync(officer, "review-tax", "3000");
            await officer.WaitForSelectorAsync("[data-testid=review-shortfall][data-code='review.shortfall.investment_intensity']");
            Assert.Contains("400", await officer.InnerTextAsync("[data-testid=review-shortfall]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(officer, "80-review-shortfall-desk");
            await officer.ClickAsync("[data-testid=review-submit]");
            await officer.WaitForSelectorAsync("[data-testid=review-round][data-round='1']");
        });

        var manager = await app.NewPageAsync();
        await app.JourneyAsync(manager, "review-journey-fail", async () =>
        {
            await TwoStep.SignInAsync(manager, "manager");
            await manager.ClickAsync("[data-testid=nav-reviews]");
            await manager.WaitForSelectorAsync($"[data-testid=review-list] tr:has-text('{code}')");
            await manager.Locator($"[data-testid=review-list] a:has-text('{code}')").ClickAsync();
            await manager.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await manager.Locator(".mud-tab").Filter(new() { HasText = "项目评审" }).ClickAsync();
            await RecordAndDecideAsync(manager, "不同意", "投资强度不足", "不通过", "投资强度低于 500 万元/亩");
            await manager.WaitForSelectorAsync("[data-testid=review-round][data-status=Decided] [data-testid=review-decision]");
        });

        await app.JourneyAsync(officer, "review-journey-revise", async () =>
        {
            await OpenReviewTabAsync(officer, projectId);
            await FillAsync(officer, "review-investment", "30000");
            await officer.WaitForSelectorAsync("[data-testid=review-check-ok]");
            await officer.ClickAsync("[data-testid=review-submit]");
            await officer.WaitForSelectorAsync("[data-testid=review-round][data-round='2']");
        });

        await app.JourneyAsync(manager, "review-journey-pass", async () =>
        {
            await manager.ReloadAsync();
            await manager.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await manager.Locator(".mud-tab").Filter(new() { HasText = "项目评审" }).ClickAsync();
            await RecordAndDecideAsync(manager, "同意", null, "通过", null);
            await manager.WaitForSelectorAsync("[data-testid=review-passed]");
            await BrowserApp.ScreenshotAsync(manager, "81-review-passed-desk");
            await manager.SetViewportSizeAsync(390, 844);
            await manager.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(manager, "82-review-passed-phone");
            await manager.GotoAsync("/reviews");
            await manager.WaitForSelectorAsync($"[data-testid=review-list] tr:has-text('{code}')");
            Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the review list fits the phone's width");
            await BrowserApp.ScreenshotAsync(manager, "83-review-list-phone");
        });

        await app.JourneyAsync(officer, "review-journey-sign", async () =>
        {
            await officer.SetViewportSizeAsync(390, 844);
            await OpenReviewTabAsync(officer, projectId);
            await MoveToSignedAsync(officer);
            await officer.WaitForSelectorAsync("[data-testid=stage-error]", new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
            await BrowserApp.ScreenshotAsync(officer, "84-review-signed-phone");
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(ProjectStage.Signed, await db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync());
        Assert.Equal(2, await db.ProjectReviews.CountAsync(r => r.ProjectId == projectId));
    }

    private static async Task OpenReviewTabAsync(IPage page, Guid projectId)
    {
        await page.GotoAsync($"/projects/{projectId}");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.Locator(".mud-tab").Filter(new() { HasText = "项目评审" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=review-status]");
    }

    private static async Task MoveToSignedAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=stage-target]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "签约" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=stage-move]");
        await page.WaitForTimeoutAsync(500);
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task RecordAndDecideAsync(IPage page, string opinion, string? comment, string outcome, string? text)
    {
        var round = page.Locator("[data-testid=review-round][data-status=Pending]");
        await round.Locator("[data-testid=opinion-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{opinion}$") }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        if (comment is not null)
        {
            await round.Locator("[data-testid=opinion-comment] input, input[data-testid=opinion-comment]").First.FillAsync(comment);
        }

        await round.Locator("[data-testid=opinion-save]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=review-round][data-status=Pending] [data-testid=review-opinion]");
        var pending = page.Locator("[data-testid=review-round][data-status=Pending]");
        await pending.Locator("[data-testid=decision-outcome]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{outcome}$") }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        if (text is not null)
        {
            await pending.Locator("[data-testid=decision-text] input, input[data-testid=decision-text]").First.FillAsync(text);
        }

        await pending.Locator("[data-testid=decision-save]").ClickAsync();
    }

    /// <summary>A project of the demo officer in 洽谈, with everything 签约 needs but a review, pledging 3亿: major.</summary>
    private async Task<(Guid Id, string Code)> AddMajorProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var sector = await db.Sectors.OrderBy(s => s.Code).Select(s => s.Id).FirstAsync();
        var park = await db.Parks.OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        var code = $"KR-{Guid.NewGuid():N}"[..12];
        var enterprise = new Enterprise($"评审旅程企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"评审旅程项目 {code}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-90));
        project.Place(enterprise.Id, sector, park);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, 50);
        project.MoveTo(ProjectStage.Negotiating, new StageActor(officer, false), null, DateTime.UtcNow.AddDays(-30), StageFacts.None);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return (project.Id, code);
    }
}
