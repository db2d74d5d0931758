using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>A new user signs in and reads the sector overview, in Chinese (the default) and in English.</summary>
public sealed partial class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string userName, string password = "Demo#2026")
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(LoginUrl());
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await TwoStep.PassAsync(page, userName);
    }

    [Fact]
    public async Task An_officer_signs_in_and_sees_the_sector_overview_in_chinese()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await page.WaitForURLAsync(LoginUrl());
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("登录", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "01-sign-in-zh");

        await SignInAsync(page, "officer");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=sector-table]");

        Assert.Contains("产业链概览", await page.InnerTextAsync("[data-testid=sector-overview-title]"), StringComparison.Ordinal);
        Assert.Contains("咖啡", await page.InnerTextAsync("[data-testid=sector-coffee]"), StringComparison.Ordinal);
        Assert.Matches(PledgedInChinese(), await page.InnerTextAsync("[data-testid=sector-total-pledged]"));
        Assert.Equal("officer", await page.InnerTextAsync("[data-testid=current-user]"));
        await BrowserApp.ScreenshotAsync(page, "02-sector-overview-zh");
    }

    [Fact]
    public async Task The_english_switch_turns_the_sign_in_and_the_overview_into_english()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.ClickAsync("[data-testid=language-switch]");
        await page.WaitForSelectorAsync("h1:has-text('Sign in')");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.ScreenshotAsync(page, "03-sign-in-en");

        await page.FillAsync("#userName", "manager");
        await page.FillAsync("#password", "Demo#2026");
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.WaitForSelectorAsync("[data-testid=sector-table]");

        Assert.Contains("Sector overview", await page.InnerTextAsync("[data-testid=sector-overview-title]"), StringComparison.Ordinal);
        Assert.Contains("Coffee", await page.InnerTextAsync("[data-testid=sector-coffee]"), StringComparison.Ordinal);
        Assert.StartsWith("CNY", await page.InnerTextAsync("[data-testid=sector-total-pledged]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "04-sector-overview-en");
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_user_on_the_sign_in_page_with_a_message()
    {
        var page = await app.NewPageAsync();

        await SignInAsync(page, "officer", "not-the-Password1");

        await page.WaitForSelectorAsync("[data-testid=sign-in-error]");
        Assert.Contains("用户名或密码错误", await page.InnerTextAsync("[data-testid=sign-in-error]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "05-sign-in-error-zh");
    }

    [Fact]
    public async Task A_partner_signs_in_but_is_not_shown_the_bureau_figures()
    {
        var page = await app.NewPageAsync();

        await SignInAsync(page, "partner");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

        Assert.Equal(0, await page.Locator("[data-testid=sector-table]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=nav-sectors]").CountAsync());
        await page.GotoAsync("/sectors");
        await page.WaitForSelectorAsync("text=您没有访问此页面的权限");
        await BrowserApp.ScreenshotAsync(page, "06-partner-denied-zh");
    }

    [GeneratedRegex(@"(亿元|万元)$")]
    private static partial Regex PledgedInChinese();

    private static Regex LoginUrl() => new("/account/login", RegexOptions.None, TimeSpan.FromSeconds(1));
}
