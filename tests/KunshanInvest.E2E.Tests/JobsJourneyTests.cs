using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

public sealed class JobsJourneyTests(JobsBrowserApp app) : IClassFixture<JobsBrowserApp>
{
    [Fact]
    public async Task An_admin_runs_the_reminders_now_and_the_officer_finds_them_in_the_bell_the_centre_and_the_mail_folder()
    {
        var admin = await app.NewPageAsync();
        await app.JourneyAsync(admin, "jobs-admin", async () =>
        {
            await TwoStep.SignInAsync(admin, "admin");
            await admin.GotoAsync("/admin/jobs");
            await admin.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await admin.WaitForSelectorAsync("[data-testid=job-followup-reminders]");
            await BrowserApp.ScreenshotAsync(admin, "jobs-1-admin-jobs");
            await admin.ClickAsync("[data-testid=job-followup-reminders] [data-testid=run-now]");

            // The run finishes on the Hangfire server; the page shows it after a refresh.
            for (var i = 0; i < 60 && !(await admin.InnerTextAsync("[data-testid=job-followup-reminders] [data-testid=job-state]")).Contains("Succeeded", StringComparison.Ordinal); i++)
            {
                await Task.Delay(500);
                await admin.ClickAsync("[data-testid=jobs-refresh]");
            }

            Assert.Contains("Succeeded", await admin.InnerTextAsync("[data-testid=job-followup-reminders] [data-testid=job-state]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(admin, "jobs-2-reminders-ran");

            // The dashboard opens for the admin (cookie sign-in).
            var dashboard = await admin.GotoAsync("/hangfire/recurring");
            Assert.Equal(200, dashboard!.Status);
            await BrowserApp.ScreenshotAsync(admin, "jobs-3-hangfire-dashboard");
        });

        var officer = await app.NewPageAsync();
        await app.JourneyAsync(officer, "jobs-officer", async () =>
        {
            await TwoStep.SignInAsync(officer, "officer");
            var badge = officer.Locator(".mud-appbar .mud-badge").First;
            await badge.WaitForAsync();
            Assert.True(int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            await BrowserApp.ScreenshotAsync(officer, "jobs-4-officer-bell");

            await officer.GotoAsync("/notifications");
            await officer.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            var reminders = officer.Locator("[data-testid=notification-followup\\.reminder]");
            await reminders.First.WaitForAsync();
            var count = await reminders.CountAsync();
            Assert.True(count > 0);
            await BrowserApp.ScreenshotAsync(officer, "jobs-5-notification-centre");

            await reminders.First.Locator("[data-testid=mark-read]").ClickAsync();
            await officer.ClickAsync("[data-testid=mark-all-read]");
            await officer.WaitForSelectorAsync("[data-testid=mark-read]", new() { State = WaitForSelectorState.Detached });
            await BrowserApp.ScreenshotAsync(officer, "jobs-6-all-read");

            // The same reminders as .eml files in the data folder's mail/ (no SMTP configured).
            var mail = Path.Combine(app.DataDirectory, "mail");
            var officerMails = Directory.GetFiles(mail, "*.eml").Select(File.ReadAllText).Count(text => text.Contains("officer@demo.kunshan.test", StringComparison.Ordinal));
            Assert.Equal(count, officerMails);
        });

        var officerDenied = await app.NewPageAsync();
        await TwoStep.SignInAsync(officerDenied, "officer");
        var refused = await officerDenied.GotoAsync("/hangfire");
        Assert.Equal(403, refused!.Status);
    }
}
