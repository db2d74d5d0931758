using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// WeCom channels (ADR 0038), at the desk and on a 390×844 phone: the admin adds a WeCom robot pointed at a local
/// receiver (a real HTTP server started here), sends a test message and reads the robot's answer, and the receiver got
/// it; an officer opens their settings and turns WeCom on with their user id.
/// </summary>
public sealed class ChannelJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1280, 800, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task An_admin_adds_a_WeCom_robot_and_tests_it_and_an_officer_turns_WeCom_on(int width, int height, string size)
    {
        await using var receiver = new RobotReceiver();
        var name = $"咖啡产业链群 {size} {Guid.NewGuid():N}"[..20];
        var admin = await app.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(admin, $"channel-admin-{size}", async () =>
        {
            await TwoStep.SignInAsync(admin, "admin");
            await admin.GotoAsync("/admin/channels");
            await admin.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await admin.ClickAsync("[data-testid=new-channel]");
            await admin.FillAsync("[data-testid=channel-name-input] input, input[data-testid=channel-name-input]", name);
            await admin.FillAsync("[data-testid=channel-url] input, input[data-testid=channel-url]", receiver.WeComUrl);
            await admin.ClickAsync("[data-testid=channel-save]");
            var card = admin.Locator("[data-testid=channel-card]").Filter(new() { HasText = name });
            await card.WaitForAsync();
            Assert.DoesNotContain("0a1b2c3d-test-key", await card.InnerTextAsync(), StringComparison.Ordinal); // the key is masked

            await card.Locator("[data-testid=channel-test]").ClickAsync();
            await card.Locator("[data-testid=channel-test-result]").WaitForAsync();
            var result = await card.Locator("[data-testid=channel-test-result]").InnerTextAsync();
            Assert.Contains("机器人已接收", result, StringComparison.Ordinal);
            Assert.Contains("\"errcode\":0", result, StringComparison.Ordinal);
            var got = Assert.Single(receiver.Accepted);
            Assert.Equal("/wecom", got.Path);
            Assert.Contains(name, got.Content, StringComparison.Ordinal);
            Assert.True(await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Math.Max(width, 390));
            await BrowserApp.ScreenshotAsync(admin, $"80-channel-tested-{size}");
        });

        var officer = await app.NewPageAsync();
        await officer.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(officer, $"channel-settings-{size}", async () =>
        {
            await TwoStep.SignInAsync(officer, "officer");
            await officer.GotoAsync("/account/settings");
            await officer.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await officer.WaitForSelectorAsync("[data-testid=settings-wecom]");
            Assert.Contains(await officer.InnerTextAsync("[data-testid=settings-two-factor-state]"), new[] { "已启用", "未启用" });
            await officer.ClickAsync("[data-testid=settings-wecom]");
            await officer.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = name }).First.ClickAsync();
            await officer.FillAsync("[data-testid=settings-im-user-id] input, input[data-testid=settings-im-user-id]", $"officer.{size}");
            await officer.ClickAsync("[data-testid=settings-save]");
            await officer.WaitForSelectorAsync(".mud-snackbar:has-text('设置已保存')");
            Assert.True(await officer.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Math.Max(width, 390));
            await BrowserApp.ScreenshotAsync(officer, $"81-settings-wecom-on-{size}");
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officerId = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var settings = await db.UserNotificationSettings.AsNoTracking().SingleAsync(s => s.UserId == officerId);
        var channel = await db.NotificationChannels.AsNoTracking().SingleAsync(c => c.Name == name);
        Assert.Equal(channel.Id, settings.WeComChannelId);
        Assert.Equal($"officer.{size}", settings.ImUserId);
    }
}
