using System.Text;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Issue 16's journey: an officer records Q3 到位资金 with the bank receipt; the officer sees no verify button and the
/// API refuses the officer's own check; a manager verifies it from the queue on a phone; the dashboard's targets panel
/// moves. At desk size and at 390×844.
/// </summary>
public sealed class FiguresJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly ViewportSize Desk = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task An_officer_records_Q3_funds_with_a_receipt_a_manager_verifies_it_and_the_targets_panel_moves()
    {
        var now = DateTime.UtcNow;
        var month = now.Month >= 8 ? 8 : now.Month;
        var period = $"{now.Year}-{month:D2}";
        var (projectId, code) = await OfficersSignedProjectAsync();

        var manager = await app.NewPageAsync();
        var officer = await app.NewPageAsync();
        string? before = null;
        await app.JourneyAsync(manager, "figures-manager-before", async () =>
        {
            await TwoStep.SignInAsync(manager, "manager");
            await manager.GotoAsync("/dashboard");
            await manager.WaitForSelectorAsync("[data-testid=target-FundsInPlace]");
            before = (await manager.InnerTextAsync("[data-testid=target-FundsInPlace]")).Trim();
        });

        await app.JourneyAsync(officer, "figures-officer-journey", async () =>
        {
            await TwoStep.SignInAsync(officer, "officer");
            await officer.GotoAsync($"/projects/{projectId}");
            await officer.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await officer.Locator(".mud-tab").Filter(new() { HasText = "实绩" }).First.ClickAsync();
            await officer.WaitForSelectorAsync("[data-testid=figure-form]");
            await officer.FillAsync("[data-testid=figure-period]", period);
            await officer.FillAsync("[data-testid=figure-amount]", "12345");
            await officer.FillAsync("[data-testid=figure-foreign]", "3000");
            await officer.SetInputFilesAsync("[data-testid=figure-evidence]", new FilePayload
            {
                Name = "银行进账单-第三季度.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
            });
            await officer.WaitForSelectorAsync("[data-testid=figure-evidence-name]:has-text('银行进账单')");
            await BrowserApp.ScreenshotAsync(officer, "80-figure-form-filled");
            await officer.ClickAsync("[data-testid=figure-submit]");
            var row = officer.Locator("[data-testid=figure-entries] tr").Filter(new() { HasText = "银行进账单-第三季度.pdf" });
            await row.Locator("[data-testid=figure-status]:has-text('待审核')").WaitForAsync();

            // The maker sees no verify button on their own entry.
            Assert.Equal(0, await row.Locator("[data-testid=figure-verify]").CountAsync());
            await BrowserApp.ScreenshotAsync(officer, "81-figure-recorded-desk");
            await officer.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await BrowserApp.ScreenshotAsync(officer, "82-figure-recorded-phone");

            // Nor does the API let the officer verify it (with the right version, so only the role refuses).
            var (id, version) = await PendingEntryAsync(projectId);
            var refused = await officer.APIRequest.PostAsync($"/api/v1/figures/{id}/verify", new()
            {
                Headers = new Dictionary<string, string> { ["If-Match"] = $"W/\"{version}\"" },
                DataObject = new { },
            });
            Assert.Equal(403, refused.Status);
        });

        await app.JourneyAsync(manager, "figures-manager-verifies", async () =>
        {
            await manager.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await manager.GotoAsync("/figures/pending");
            await manager.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            var row = manager.Locator("[data-testid=pending-figures] tr").Filter(new() { HasText = code });
            await row.First.WaitForAsync();
            await BrowserApp.ScreenshotAsync(manager, "83-figures-pending-phone");
            await row.First.Locator("[data-testid=pending-verify]").ClickAsync();
            await manager.WaitForSelectorAsync(".mud-snackbar");
            await VerifiedEntryAsync(projectId);

            await manager.SetViewportSizeAsync(Desk.Width, Desk.Height);
            await manager.GotoAsync("/dashboard");
            await manager.WaitForSelectorAsync("[data-testid=target-FundsInPlace]");
            var after = (await manager.InnerTextAsync("[data-testid=target-FundsInPlace]")).Trim();
            Assert.NotEqual(before, after);
            await BrowserApp.ScreenshotAsync(manager, "84-targets-moved-desk");
        });
    }

    private async Task<(Guid Id, string Code)> OfficersSignedProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var project = await db.Projects
            .Where(p => p.OwnerId == officer && p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code })
            .FirstAsync();
        return (project.Id, project.Code);
    }

    private async Task<(Guid Id, int Version)> PendingEntryAsync(Guid projectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.FigureEntries.AsNoTracking()
            .Where(f => f.ProjectId == projectId && f.Status == FigureStatus.Pending && f.EvidenceFileName == "银行进账单-第三季度.pdf")
            .SingleAsync();
        Assert.Equal((FigureKind.FundsInPlace, 12_345_000_000L, 3_000_000_000L), (entry.Kind, entry.Value, entry.ForeignPartFen!.Value));
        return (entry.Id, entry.Version);
    }

    private async Task<(Guid Id, int Version)> VerifiedEntryAsync(Guid projectId)
    {
        // The click lands on the circuit a moment before the row changes: poll the database briefly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entry = await db.FigureEntries.AsNoTracking()
                .Where(f => f.ProjectId == projectId && f.EvidenceFileName == "银行进账单-第三季度.pdf")
                .Select(f => new { f.Id, f.Version, f.Status })
                .SingleAsync();
            if (entry.Status == FigureStatus.Verified)
            {
                return (entry.Id, entry.Version);
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException("The entry was not verified.");
    }
}
