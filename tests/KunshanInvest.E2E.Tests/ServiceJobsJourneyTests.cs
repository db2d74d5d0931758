using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// An admin adds a department with the demo <c>dept</c> user as its member (desk and 390×844). A request of that
/// department logged nine days ago with a five-day deadline — the clock moved back, as the commitment journey dates its
/// deadline — is overdue: the escalation job runs, and the manager finds the notice and the overdue count on the dashboard.
/// </summary>
public sealed class ServiceJobsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_admin_adds_a_department_with_the_dept_user_and_its_overdue_request_escalates_to_the_manager()
    {
        var code = $"e2e-{Guid.NewGuid():N}"[..12];
        var admin = await app.NewPageAsync();
        await app.JourneyAsync(admin, "service-catalog", async () =>
        {
            await TwoStep.SignInAsync(admin, "admin");
            await admin.GotoAsync("/admin/service-catalog");

            // Fill only the interactive form: what is typed into the prerendered one is lost when the circuit starts.
            await admin.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await admin.WaitForSelectorAsync("[data-testid=create-department]");
            await admin.FillAsync("[data-testid=new-department-code] input, input[data-testid=new-department-code]", code);
            await admin.FillAsync("[data-testid=new-department-name-zh] input, input[data-testid=new-department-name-zh]", "旅程供电所");
            await admin.FillAsync("[data-testid=new-department-name-en] input, input[data-testid=new-department-name-en]", "Journey power bureau");
            await admin.ClickAsync("[data-testid=create-department]");
            var card = admin.Locator($"[data-testid=department-{code}]");
            await card.WaitForAsync();

            await card.Locator("[data-testid=member-picker]").ClickAsync();
            await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "(dept)" }).First.ClickAsync();
            await admin.Keyboard.PressAsync("Escape");
            await card.Locator("[data-testid=add-member]").ClickAsync();
            await card.Locator("[data-testid=member-chip]").Filter(new() { HasText = "供电所 办理员" }).WaitForAsync();
            await BrowserApp.ScreenshotAsync(admin, "80-service-department-desk");
            await admin.SetViewportSizeAsync(390, 844);
            await admin.WaitForTimeoutAsync(300);
            Assert.True(await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The admin page is wider than the phone.");
            await BrowserApp.ScreenshotAsync(admin, "81-service-department-phone");
        });

        await AddOverdueRequestAsync(code);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(JobNames.ServiceEscalation, CancellationToken.None);
            Assert.True(result.Effects >= 1);
        }

        var manager = await app.NewPageAsync();
        await app.JourneyAsync(manager, "service-escalation", async () =>
        {
            await TwoStep.SignInAsync(manager, "manager");
            await manager.GotoAsync("/notifications");
            var notice = manager.Locator("[data-testid='notification-service.overdue']").Filter(new() { HasText = "旅程企业" });
            await notice.First.WaitForAsync();
            Assert.Contains("诉求已超期", await notice.First.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(manager, "82-service-escalation-notice-desk");

            await manager.GotoAsync("/dashboard");
            await manager.WaitForSelectorAsync($"[data-testid=service-overdue-{code}]");
            Assert.Equal("1", (await manager.InnerTextAsync($"[data-testid=service-overdue-{code}]")).Trim());
            Assert.Contains("超期", await manager.InnerTextAsync("[data-testid=service-open-overdue]"), StringComparison.Ordinal);
            await manager.Locator("[data-testid=service-requests-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(manager, "83-service-overdue-dashboard-desk");
            await manager.SetViewportSizeAsync(390, 844);
            await manager.WaitForTimeoutAsync(300);
            await manager.Locator("[data-testid=service-requests-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(manager, "84-service-overdue-dashboard-phone");
        });
    }

    /// <summary>A request logged nine days ago in the new department with a five-day deadline: four days overdue.</summary>
    private async Task AddOverdueRequestAsync(string departmentCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var department = await db.Departments.SingleAsync(d => d.Code == departmentCode);
        var enterprise = new Enterprise($"旅程企业 {departmentCode}", null, "CN", Ownership.Domestic);
        var category = new ServiceCategory($"c-{departmentCode}", "旅程用电", "Journey power", 5);
        var accepted = DateTime.UtcNow.AddDays(-9);
        db.AddRange(enterprise, category);
        db.ServiceRequests.Add(new ServiceRequest(enterprise.Id, category.Id, department.Id, "新厂房临时用电", "王经理", null, officer, officer, accepted, accepted.AddDays(category.DeadlineDays)));
        await db.SaveChangesAsync();
    }
}
