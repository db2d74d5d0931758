using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// 载体匹配 (issue 17): an officer finds a parcel for a 50-亩 project and reserves it; 供地 is recorded linking it (the
/// reserved parcel preselected); the parcel is now 已出让 — at the desk and on a 390×844 phone.
/// </summary>
public sealed class CarrierMatchingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1280, 800, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task An_officer_finds_a_parcel_for_a_50_mu_project_reserves_it_and_land_supply_links_it(int width, int height, string device)
    {
        var (project, parcel, code) = await ArrangeAsync();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"carrier-matching-{device}", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await page.GotoAsync($"/projects/{project}");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

            // The matches for 50 亩 in the project's park: the 48-亩 parcel first, the 70-亩 one after it.
            await page.WaitForSelectorAsync("[data-testid=carrier-matches]");
            Assert.Equal(code, await page.GetAttributeAsync("[data-testid=carrier-match] >> nth=0", "data-code"));
            Assert.Contains("50", await page.Locator("input[data-testid=carrier-need-area], [data-testid=carrier-need-area] input").First.InputValueAsync(), StringComparison.Ordinal);
            await page.Locator("[data-testid=carrier-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page, $"80-{device}-carrier-matches");

            await page.Locator($"[data-testid=carrier-match][data-code='{code}'] [data-testid=carrier-reserve]").ClickAsync();
            await page.WaitForSelectorAsync($"[data-testid=carrier-reservation]:has-text('{code}')");
            await BrowserApp.ScreenshotAsync(page, $"81-{device}-carrier-reserved");

            // 供地: the form offers it (注册 is reached), the reserved parcel preselected; 亩 come from the parcel.
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("[data-testid=milestone-carrier]");
            var yesterday = TimeProvider.System.BureauToday().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.FillAsync("[data-testid=milestone-actual]", yesterday);
            await page.Locator("[data-testid=milestone-form]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page, $"82-{device}-land-supply-with-carrier");
            await page.ClickAsync("[data-testid=milestone-save]");
            await page.WaitForSelectorAsync("[data-testid=milestone-LandSupplied][data-reached=true]");
            Assert.Equal($"/carriers/parcels/{parcel}", await page.GetAttributeAsync("[data-testid=milestone-LandSupplied] [data-testid=milestone-carrier-link]", "href"));
            Assert.Contains("48", await page.InnerTextAsync("[data-testid=milestone-LandSupplied]"), StringComparison.Ordinal);

            // The parcel is now 已出让, supplied to the project.
            // The prerendered panel is replaced once the circuit starts: wait for the interactive one before using it.
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("[data-testid=carrier-supplied]");
            Assert.Contains("已出让", await page.InnerTextAsync("[data-testid=carrier-supplied-status]"), StringComparison.Ordinal);
            Assert.Equal($"/carriers/parcels/{parcel}", await page.GetAttributeAsync("[data-testid=carrier-supplied-link]", "href"));
            await page.Locator("[data-testid=carrier-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page, $"83-{device}-parcel-sold");

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var sold = await db.LandParcels.AsNoTracking().SingleAsync(p => p.Id == parcel);
                Assert.Equal(ParcelStatus.Sold, sold.Status);
                Assert.Equal(project, sold.SuppliedToProjectId);
                Assert.Equal([CarrierEventKind.Reserved, CarrierEventKind.Supplied],
                    await db.CarrierEvents.Where(e => e.CarrierId == parcel).OrderBy(e => e.Kind).Select(e => e.Kind).ToListAsync());
            }

            if (device == "phone")
            {
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, "the project page scrolls sideways at 390 px");
            }
        });
    }

    /// <summary>A signed 50-亩 project of the demo officer with 注册 reached, in a park of its own with two parcels that fit.</summary>
    private async Task<(Guid Project, Guid Parcel, string Code)> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var park = new Park($"cm{suffix}", $"旅程园区{suffix}", $"Journey park {suffix}", null);
        var enterprise = new Enterprise($"载体旅程企业 {suffix}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject($"KM-{suffix}", $"载体旅程项目 {suffix}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-300));
        project.Place(enterprise.Id, null, park.Id);
        project.Pledge(null, null, null, null, null, 50);
        var registered = new ProjectMilestone(project.Id, MilestoneKind.Registered, officer, DateTime.UtcNow);
        registered.Reach(new DateOnly(2025, 1, 10), officer, DateTime.UtcNow);
        var code = $"KS-J-{suffix}";
        var fits = new LandParcel(code, park.Id, 48, CarrierUse.Industrial, ParcelStatus.Available, 30_000_000, "旅程宗地");
        var larger = new LandParcel($"KS-J2-{suffix}", park.Id, 70, CarrierUse.Industrial, ParcelStatus.Available, 20_000_000, null);
        db.AddRange(park, enterprise, project, registered, fits, larger);
        await db.SaveChangesAsync();
        return (project.Id, fits.Id, code);
    }
}
