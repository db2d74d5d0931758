using System.Text;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// A new partner, as one would try it: registers, waits for an admin's approval, submits a project with an attachment
/// and sees its reference; an officer accepts it from the triage queue; the partner then sees "accepted".
/// </summary>
public sealed class PortalJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Partner#2026";

    private static async Task SignInAsync(IPage page, string userName, string password = "Demo#2026")
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await TwoStep.PassAsync(page, userName);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
    }

    private static async Task OpenAsync(IPage page, string path, string ready)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(ready);
    }

    [Fact]
    public async Task A_new_partner_registers_is_approved_submits_with_an_attachment_and_sees_it_accepted()
    {
        var userName = $"rhein{Guid.NewGuid():N}"[..12];
        var organisation = $"莱茵咨询 {userName}";
        var enterprise = $"汉萨精密轴承 {userName}";
        string reference = "";

        var partner = await app.NewPageAsync();
        await app.JourneyAsync(partner, "portal-partner-registers", async () =>
        {
            await partner.GotoAsync("/account/login");
            await partner.ClickAsync("[data-testid=register-link]");
            await partner.WaitForSelectorAsync("[data-testid=register-form]");
            await partner.FillAsync("#nameZh", organisation);
            await partner.FillAsync("#nameEn", "Rhine Advisory");
            await partner.SelectOptionAsync("#type", "Intermediary");
            await partner.FillAsync("#country", "DE");
            await partner.FillAsync("#userName", userName);
            await partner.FillAsync("#displayName", "Jonas Weber");
            await partner.FillAsync("#email", $"{userName}@rhein.example");
            await partner.FillAsync("#password", Password);
            await BrowserApp.ScreenshotAsync(partner, "60-portal-register");
            await partner.ClickAsync("[data-testid=register-submit]");
            await partner.WaitForSelectorAsync("[data-testid=registered]");

            await SignInAsync(partner, userName, Password);
            await OpenAsync(partner, "/portal", "[data-testid=awaiting-approval]");
            Assert.Equal(0, await partner.Locator("[data-testid=nav-projects]").CountAsync());
            Assert.Equal(0, await partner.Locator("[data-testid=nav-triage]").CountAsync());
            await BrowserApp.ScreenshotAsync(partner, "61-portal-awaiting-approval");
        });

        var admin = await app.NewPageAsync();
        await app.JourneyAsync(admin, "portal-admin-approves", async () =>
        {
            await SignInAsync(admin, "admin");
            await admin.ClickAsync("[data-testid=nav-admin-partners]");
            var row = admin.Locator("tr", new() { HasTextString = organisation });
            await row.WaitForAsync();
            await row.Locator("[data-testid=approve-partner]").ClickAsync();
            await admin.Locator("tr", new() { HasTextString = organisation }).Locator("[data-testid=partner-row-status]:has-text('已批准')").WaitForAsync();
            await BrowserApp.ScreenshotAsync(admin, "62-admin-partner-approved");
        });

        await app.JourneyAsync(partner, "portal-partner-submits", async () =>
        {
            await OpenAsync(partner, "/portal", "[data-testid=new-submission]");
            await partner.ClickAsync("[data-testid=new-submission]");
            await partner.WaitForSelectorAsync("[data-testid=sub-summary]");
            await partner.WaitForSelectorAsync("[data-testid=sub-sector] option >> nth=1", new() { State = WaitForSelectorState.Attached });
            await partner.FillAsync("[data-testid=sub-name-zh]", enterprise);
            await partner.FillAsync("[data-testid=sub-name-en]", "Hansa Precision Bearings GmbH");
            await partner.FillAsync("[data-testid=sub-country]", "DE");
            await partner.SelectOptionAsync("[data-testid=sub-sector]", new SelectOptionValue { Index = 1 });
            await partner.FillAsync("[data-testid=sub-summary]", "精密轴承制造商,拟在昆山设立华东工厂。<script>alert(1)</script>");
            await partner.FillAsync("[data-testid=sub-contact]", "Jonas Weber");
            await partner.SetInputFilesAsync("[data-testid=sub-files]", new FilePayload
            {
                Name = "项目方案.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
            });
            await partner.WaitForSelectorAsync("[data-testid=picked-file]:has-text('项目方案.pdf')");
            await BrowserApp.ScreenshotAsync(partner, "63-portal-new-submission");
            await partner.ClickAsync("[data-testid=sub-submit]");
            await partner.WaitForSelectorAsync("[data-testid=submitted-banner]");
            reference = (await partner.InnerTextAsync("[data-testid=submission-reference]")).Trim();
            Assert.Matches("^PS-20[0-9]{2}-[2-9A-Z]{6}$", reference);
            Assert.Contains("<script>alert(1)</script>", await partner.InnerTextAsync("[data-testid=sub-view-summary]"), StringComparison.Ordinal);
            await partner.WaitForSelectorAsync("[data-testid=attachment-link]:has-text('项目方案.pdf')");
            var download = await partner.RunAndWaitForDownloadAsync(() => partner.ClickAsync("[data-testid=attachment-link]"));
            Assert.Equal("项目方案.pdf", download.SuggestedFilename);
            await BrowserApp.ScreenshotAsync(partner, "64-portal-submitted-reference");
        });

        var officer = await app.NewPageAsync();
        await app.JourneyAsync(officer, "portal-officer-accepts", async () =>
        {
            await SignInAsync(officer, "officer");
            await officer.ClickAsync("[data-testid=nav-triage]");
            var row = officer.Locator($"[data-testid=triage-{reference}]");
            await row.WaitForAsync();
            await BrowserApp.ScreenshotAsync(officer, "65-triage-queue");
            await row.Locator("[data-testid=triage-open]").ClickAsync();
            await officer.WaitForSelectorAsync("[data-testid=triage-actions]");
            await officer.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await officer.ClickAsync("[data-testid=triage-review]");
            await officer.WaitForSelectorAsync("[data-testid=triage-status]:has-text('审核中')");
            await officer.ClickAsync("[data-testid=triage-accept]");
            await officer.WaitForSelectorAsync("[data-testid=triage-status]:has-text('已受理')");
            await officer.WaitForSelectorAsync("[data-testid=triage-project]");
            await BrowserApp.ScreenshotAsync(officer, "66-triage-accepted");
        });

        await app.JourneyAsync(partner, "portal-partner-sees-accepted", async () =>
        {
            await OpenAsync(partner, "/portal", $"[data-testid=submission-{reference}]");
            await partner.ClickAsync($"[data-testid=submission-{reference}] a");
            await partner.WaitForSelectorAsync("[data-testid=submission-status]:has-text('已受理')");
            Assert.Equal(3, await partner.Locator("[data-testid=timeline-step]").CountAsync());
            await BrowserApp.ScreenshotAsync(partner, "67-portal-accepted");
        });
    }
}
