using KunshanInvest.Application.Common;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// 开工 needs its milestone (issue 16): an officer tries to move a demo project at 供地 to 开工, is told the
/// construction-start milestone is missing, records it with a site photo, and moves the project — at the desk and on a
/// 390×844 phone.
/// </summary>
public sealed class MilestoneJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData("KS-2025-00015", 1280, 800, "desk")]
    [InlineData("KS-2025-00011", 390, 844, "phone")]
    public async Task An_officer_records_construction_start_with_a_photo_and_moves_the_project_to_construction(string code, int width, int height, string device)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"milestone-journey-{device}", () => JourneyAsync(page, code, device));
    }

    private async Task JourneyAsync(IPage page, string code, string device)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        }

        await TwoStep.SignInAsync(page, "officer");
        await page.GotoAsync($"/projects/{id}");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=milestone-timeline]");
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=milestone-LandSupplied]", "data-reached"));
        Assert.Equal("false", await page.GetAttributeAsync("[data-testid=milestone-ConstructionStarted]", "data-reached"));

        // 开工 without its milestone: refused, naming it.
        await PickAsync(page, "stage-target", "开工");
        await page.ClickAsync("[data-testid=stage-move]");
        await page.WaitForSelectorAsync("[data-testid=stage-missing]");
        Assert.Contains("开工节点", await page.InnerTextAsync("[data-testid=stage-missing]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, $"60-{device}-construction-refused-without-milestone");

        // Record it: the form offers the first milestone not reached, 开工; a site photo as evidence.
        var yesterday = TimeProvider.System.BureauToday().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("[data-testid=milestone-actual]", yesterday);
        await page.SetInputFilesAsync("[data-testid=milestone-file]", new FilePayload { Name = "开工照片.png", MimeType = "image/png", Buffer = Photo });
        await page.WaitForSelectorAsync("[data-testid=milestone-form] >> text=开工照片.png");
        await BrowserApp.ScreenshotAsync(page, $"61-{device}-construction-milestone-form");
        await page.ClickAsync("[data-testid=milestone-save]");
        await page.WaitForSelectorAsync("[data-testid=milestone-ConstructionStarted][data-reached=true]");
        Assert.Contains("开工照片.png", await page.InnerTextAsync("[data-testid=milestone-evidence-ConstructionStarted]"), StringComparison.Ordinal);
        Assert.Contains(yesterday, await page.InnerTextAsync("[data-testid=milestone-ConstructionStarted]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, $"62-{device}-construction-milestone-recorded");

        // The evidence downloads as it was uploaded.
        var evidence = await page.APIRequest.GetAsync($"/api/v1/projects/{id}/milestones/ConstructionStarted/evidence");
        Assert.Equal(Photo, await evidence.BodyAsync());

        // Now 开工 goes through.
        await PickAsync(page, "stage-target", "开工");
        await page.ClickAsync("[data-testid=stage-move]");
        await page.WaitForSelectorAsync("text=已进入「开工」");
        Assert.Equal("开工", (await page.InnerTextAsync("[data-testid=stage-chip]")).Trim());
        await BrowserApp.ScreenshotAsync(page, $"63-{device}-moved-to-construction");

        if (device == "phone")
        {
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the project page scrolls sideways at 390 px");
        }
    }

    private static async Task PickAsync(IPage page, string selectTestId, string optionText)
    {
        await page.ClickAsync($"[data-testid={selectTestId}]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = optionText }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        for (var attempt = 0; attempt < 10 && await page.Locator(".mud-popover-open .mud-list-item").CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(200);
        }
    }
}
