using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// 企业诉求 end to end, at the desk and on a 390×844 phone: the officer logs a power-supply (用电) request with a photo for
/// a landed enterprise from its page; the demo `dept` user (供电所) lands on the queue, starts it and closes it with a
/// reply; the officer records the return visit's satisfaction.
/// </summary>
public sealed class ServiceRequestJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task An_officer_logs_a_power_request_the_department_closes_it_and_the_officer_records_the_visit()
    {
        var (enterpriseId, _) = await AddLandedEnterpriseAsync();
        var officer = await app.NewPageAsync();
        Guid requestId = default;
        await app.JourneyAsync(officer, "service-log", async () =>
        {
            await TwoStep.SignInAsync(officer, "officer");
            await officer.GotoAsync($"/enterprises/{enterpriseId}");
            await officer.WaitForSelectorAsync("[data-testid=enterprise-log-request]");
            Assert.Contains("招商专员", await officer.InnerTextAsync("[data-testid=enterprise-service-officer]"), StringComparison.Ordinal);
            await officer.ClickAsync("[data-testid=enterprise-log-request]");
            await officer.WaitForSelectorAsync("[data-testid=log-enterprise]");
            await PickAsync(officer, "log-category", "用电用水用气");
            await PickAsync(officer, "log-department", "供电所");
            await officer.FillAsync("[data-testid=log-description]", "新厂房二期申请临时用电 630 kVA,月底试生产。");
            await officer.FillAsync("[data-testid=log-contact]", "王经理");
            await officer.SetInputFilesAsync("[data-testid=log-files]", new FilePayload { Name = "配电房照片.png", MimeType = "image/png", Buffer = Photo });
            await officer.WaitForSelectorAsync("[data-testid=picked-file]");
            await BrowserApp.ScreenshotAsync(officer, "80-service-log-desk");
            await officer.ClickAsync("[data-testid=log-submit]");
            await officer.WaitForSelectorAsync("[data-testid=service-status][data-status=Accepted]");
            requestId = Guid.Parse(officer.Url[(officer.Url.LastIndexOf('/') + 1)..]);
            Assert.Contains("配电房照片.png", await officer.InnerTextAsync("[data-testid=service-attachments]"), StringComparison.Ordinal);
            Assert.Contains("供电所", await officer.InnerTextAsync("[data-testid=service-department]"), StringComparison.Ordinal);
            Assert.Empty(await officer.QuerySelectorAllAsync("[data-testid=service-start]")); // an officer does not work the department's steps
            await BrowserApp.ScreenshotAsync(officer, "81-service-logged-desk");
            await officer.SetViewportSizeAsync(390, 844);
            await officer.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(officer, "82-service-logged-phone");
            Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The detail is wider than the phone.");
        });

        var dept = await app.NewPageAsync();
        await app.JourneyAsync(dept, "service-department", async () =>
        {
            await TwoStep.SignInAsync(dept, "dept");
            await dept.ClickAsync("[data-testid=open-service-queue]");
            await dept.WaitForSelectorAsync($"[data-testid=service-row][data-id='{requestId}']");
            await BrowserApp.ScreenshotAsync(dept, "83-service-queue-desk");
            await dept.SetViewportSizeAsync(390, 844);
            await dept.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(dept, "84-service-queue-phone");
            Assert.True(await dept.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The queue is wider than the phone.");
            await dept.ClickAsync($"[data-testid=service-row][data-id='{requestId}']");
            await dept.ClickAsync("[data-testid=service-start]");
            await dept.WaitForSelectorAsync("[data-testid=service-status][data-status=InProgress]");
            await dept.FillAsync("[data-testid=service-text]", "已安排临时用电接入,630 kVA 箱变周五送电。");
            await dept.ClickAsync("[data-testid=service-close]");
            await dept.WaitForSelectorAsync("[data-testid=service-status][data-status=Closed]");
            Assert.Contains("周五送电", await dept.InnerTextAsync("[data-testid=service-reply]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(dept, "85-service-closed-phone");
        });

        await officer.SetViewportSizeAsync(1280, 900);
        await app.JourneyAsync(officer, "service-visit", async () =>
        {
            await officer.GotoAsync("/");
            await officer.WaitForSelectorAsync($"[data-testid=service-due-panel] [data-testid=service-row][data-id='{requestId}']");
            await officer.ClickAsync($"[data-testid=service-due-panel] [data-testid=service-row][data-id='{requestId}']");
            await officer.WaitForSelectorAsync("[data-testid=service-visit-form]");
            await officer.Locator("[data-testid=service-satisfaction] .mud-rating-item").Nth(4).ClickAsync();
            await officer.FillAsync("[data-testid=service-comment]", "企业表示非常满意");
            await officer.ClickAsync("[data-testid=service-visit]");
            await officer.WaitForSelectorAsync("[data-testid=service-status][data-status=Visited]");
            Assert.Contains("★★★★★", await officer.InnerTextAsync("[data-testid=service-stars]"), StringComparison.Ordinal);
            var steps = await officer.Locator("[data-testid=service-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)");
            Assert.Equal(["Accepted", "Started", "Closed", "Visited"], steps);
            await BrowserApp.ScreenshotAsync(officer, "86-service-visited-desk");
            await officer.SetViewportSizeAsync(390, 844);
            await officer.WaitForTimeoutAsync(300);
            await BrowserApp.ScreenshotAsync(officer, "87-service-visited-phone");
        });
    }

    private static async Task PickAsync(IPage page, string testId, string text)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>An enterprise with a project of the demo officer at 注册, the officer its service officer.</summary>
    private async Task<(Guid Id, string Name)> AddLandedEnterpriseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KS-{Guid.NewGuid():N}"[..12];
        var name = $"诉求旅程企业 {code}";
        var enterprise = new Enterprise(name, null, "CN", Ownership.Domestic);
        enterprise.AssignServiceOfficer(officer);
        var project = new InvestmentProject(code, $"诉求旅程项目 {code}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-300));
        project.Place(enterprise.Id, null, null);
        project.ImportHistory([(ProjectStage.Registered, DateTime.UtcNow.AddDays(-30))], officer, "旅程", DateTime.UtcNow);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return (enterprise.Id, name);
    }
}
