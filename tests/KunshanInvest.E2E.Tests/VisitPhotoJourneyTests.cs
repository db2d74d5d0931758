using ImageMagick;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// In the field (ADR 0037): an officer finds a project by search and records a visit with a camera photo in two taps —
/// at the desk and on a 390×844 phone — sees the photo's thumbnail on the visit in the timeline and downloads it
/// (resized, without EXIF); a partner gets 403 on the same file URL.
/// </summary>
public sealed class VisitPhotoJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_officer_records_a_visit_with_a_photo_from_search_and_downloads_it_and_a_partner_cannot()
    {
        var photoPath = Path.Combine(Directory.CreateTempSubdirectory("ki-photo-").FullName, "IMG_0420.jpg");
        await File.WriteAllBytesAsync(photoPath, CameraJpeg());
        string? fileUrl = null;
        foreach (var (size, width, height) in new[] { ("phone", 390, 844), ("desk", 1280, 800) })
        {
            var (projectId, code) = await AddProjectAsync();
            var page = await app.NewPageAsync();
            await page.SetViewportSizeAsync(width, height);
            await app.JourneyAsync(page, $"visit-photo-{size}", async () =>
            {
                await TwoStep.SignInAsync(page, "officer");
                await page.GotoAsync("/projects");
                await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
                await page.FillAsync("[data-testid=filter-text]", code);
                await page.Keyboard.PressAsync("Enter");
                var link = page.Locator($"a[href='/projects/{projectId}']").First;
                await link.WaitForAsync();
                await BrowserApp.ScreenshotAsync(page, $"files-1-search-{size}");

                // Tap one: the project. Tap two: 记录走访.
                await link.ClickAsync();
                await page.WaitForURLAsync($"**/projects/{projectId}");
                await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
                await page.ClickAsync("[data-testid=record-visit]");
                var form = page.Locator("[data-testid=record-visit-form]");
                await form.WaitForAsync();
                await form.Locator("[data-testid=visit-summary] textarea, textarea[data-testid=visit-summary]").First.FillAsync($"现场走访 {size}:查看厂房");
                Assert.Equal("environment", await form.Locator("input[type=file][data-testid=visit-photos]").GetAttributeAsync("capture"));
                await form.Locator("input[type=file][data-testid=visit-photos]").SetInputFilesAsync(photoPath);
                await form.Locator("[data-testid=visit-photos-picked]").WaitForAsync();
                Assert.True(await NoWiderThanAsync(page, width), "The visit form is wider than the screen.");
                await BrowserApp.ScreenshotAsync(page, $"files-2-visit-form-{size}");
                await form.Locator("[data-testid=visit-save]").ClickAsync();

                // The photo is resized on the server after the visit is saved: wait for its thumbnail, or for the error saying why not.
                await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=timeline] [data-testid=visit-thumbnail]') || document.querySelector('.mud-snackbar.mud-alert-filled-error, .mud-snackbar-content-message')?.innerText.includes('照片')");
                var problems = await page.Locator(".mud-snackbar").AllInnerTextsAsync();
                Assert.DoesNotContain(problems, p => p.Contains("照片", StringComparison.Ordinal));
                var thumbnail = page.Locator("[data-testid=timeline] [data-testid=visit-thumbnail]").First;
                await thumbnail.WaitForAsync();
                await thumbnail.ScrollIntoViewIfNeededAsync(); // the thumbnail loads lazily: on a phone it sits far below the fold
                await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=visit-thumbnail] img'); return i && i.complete && i.naturalWidth > 0; }");
                Assert.Contains($"现场走访 {size}", await page.InnerTextAsync("[data-testid=timeline]"), StringComparison.Ordinal);
                Assert.True(await NoWiderThanAsync(page, width), "The project page is wider than the screen.");
                await BrowserApp.ScreenshotAsync(page, $"files-3-timeline-thumbnail-{size}");

                var download = await page.RunAndWaitForDownloadAsync(() => thumbnail.ClickAsync());
                var saved = Path.Combine(BrowserApp.ScreenshotFolder, $"files-4-download-{size}.jpg");
                await download.SaveAsAsync(saved);
                Assert.Equal("IMG_0420.jpg", download.SuggestedFilename);
                using var image = new MagickImage(saved);
                Assert.Equal((1600u, 1200u), (image.Width, image.Height));
                Assert.Null(image.GetExifProfile());
                fileUrl = await thumbnail.GetAttributeAsync("href");

                // The project's files tab lists the visit's photo too.
                await page.Locator(".mud-tab").Filter(new() { HasText = "文件" }).ClickAsync();
                await page.Locator("[data-testid=staff-file]").First.WaitForAsync();
                Assert.Contains("IMG_0420.jpg", await page.InnerTextAsync("[data-testid=staff-files]"), StringComparison.Ordinal);
                await BrowserApp.ScreenshotAsync(page, $"files-5-files-tab-{size}");
            });
            await page.Context.CloseAsync();
        }

        Assert.StartsWith("/api/v1/files/", fileUrl, StringComparison.Ordinal);
        var partner = await app.NewPageAsync();
        await app.JourneyAsync(partner, "visit-photo-partner", async () =>
        {
            await TwoStep.SignInAsync(partner, "partner");
            var response = await partner.Context.APIRequest.GetAsync(fileUrl!);
            Assert.Contains(response.Status, new[] { 403, 404 });
            Assert.DoesNotContain("image/", response.Headers.GetValueOrDefault("content-type", ""), StringComparison.Ordinal);
        });
    }

    private static async Task<bool> NoWiderThanAsync(IPage page, int width) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width;

    /// <summary>What a phone camera hands over: 4000×3000 with EXIF (make, GPS).</summary>
    private static byte[] CameraJpeg()
    {
        using var image = new MagickImage(MagickColors.ForestGreen, 4000, 3000);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(23, 1), new Rational(0, 1)]);
        image.SetProfile(exif);
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    /// <summary>A project of the demo officer with its enterprise, under a unique code to search for.</summary>
    private async Task<(Guid Id, string Code)> AddProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KV-{Guid.NewGuid():N}"[..12];
        var enterprise = new Enterprise($"走访旅程企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"走访旅程项目 {code}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-30));
        project.Place(enterprise.Id, null, null);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return (project.Id, code);
    }
}
