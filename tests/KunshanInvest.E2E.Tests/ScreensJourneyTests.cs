using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// The screens issue 18 found missing: an officer enters an enterprise (a mistyped credit code is named as they type),
/// edits it, edits and removes a contact; on a phone, completes one follow-up and reschedules another.
/// </summary>
public sealed class ScreensJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string, int, int> Sizes => new() { { "desk", 1280, 800 }, { "phone", 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task An_officer_creates_an_enterprise_fixing_a_mistyped_credit_code_edits_it_and_edits_and_removes_a_contact(string size, int width, int height)
    {
        var code = NewCreditCode();
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var name = $"屏幕旅程企业{Guid.NewGuid():N}"[..14];
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await app.JourneyAsync(page, $"screens-enterprise-{size}", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await page.GotoAsync("/enterprises");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.ClickAsync("[data-testid=new-enterprise]");
            await page.WaitForSelectorAsync("[data-testid=new-enterprise-title]");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });

            await page.FillAsync("[data-testid=enterprise-name-zh] input, input[data-testid=enterprise-name-zh]", name);
            var codeField = page.Locator("[data-testid=enterprise-credit-code] input, input[data-testid=enterprise-credit-code]").First;
            await codeField.FillAsync(mistyped);
            // The check runs on the circuit as the officer types (debounced), in the page's language.
            var problem = page.Locator(".mud-input-control:has(input[data-testid=enterprise-credit-code]) .mud-input-helper-text").Filter(new() { HasText = "校验位不符" });
            await problem.WaitForAsync();
            await BrowserApp.ScreenshotAsync(page, $"80-enterprise-credit-code-mistyped-{size}");

            await codeField.FillAsync(code);
            await page.WaitForSelectorAsync("[data-testid=credit-code-ok]", new() { State = WaitForSelectorState.Attached });
            await page.ClickAsync("[data-testid=enterprise-save]");
            await page.WaitForSelectorAsync($"[data-testid=enterprise-name]:has-text('{name}')");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            Assert.Contains(code, await page.ContentAsync(), StringComparison.Ordinal);
            await AssertFitsAsync(page, width);

            await page.ClickAsync("[data-testid=enterprise-edit]");
            var website = page.Locator(".mud-dialog [data-testid=enterprise-website] input, .mud-dialog input[data-testid=enterprise-website]").First;
            await website.FillAsync("https://screens.example.cn");
            await BrowserApp.ScreenshotAsync(page, $"81-enterprise-edit-dialog-{size}");
            await page.ClickAsync(".mud-dialog [data-testid=enterprise-save]");
            await page.WaitForSelectorAsync("a[href='https://screens.example.cn']");

            // A contact to work on, as if a colleague had entered it.
            var enterpriseId = Guid.Parse(page.Url.Split('/')[^1]);
            await AddContactAsync(enterpriseId, "王经理", "13800000001");
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            var row = page.Locator("[data-testid=contact-row]").Filter(new() { HasText = "王经理" });
            await row.Locator("[data-testid=contact-edit]").ClickAsync();
            await page.FillAsync(".mud-dialog [data-testid=contact-form-phone] input, .mud-dialog input[data-testid=contact-form-phone]", "13900000002");
            await page.ClickAsync("[data-testid=contact-form-save]");
            await page.WaitForSelectorAsync("[data-testid=contact-row]:has-text('13900000002')");

            await row.Locator("[data-testid=contact-remove]").ClickAsync();
            Assert.Contains("王经理", await page.InnerTextAsync("[data-testid=contact-remove-question]"), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, $"82-contact-remove-confirm-{size}");
            await page.Locator(".mud-dialog:has([data-testid=contact-remove-question]) button").Filter(new() { HasText = "删除" }).ClickAsync();
            await page.Locator("[data-testid=contact-row]").Filter(new() { HasText = "王经理" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.WaitForSelectorAsync(".mud-dialog", new() { State = WaitForSelectorState.Detached });
            await BrowserApp.ScreenshotAsync(page, $"83-enterprise-after-edits-{size}");
            await AssertFitsAsync(page, width);
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Enterprises.SingleAsync(e => e.CreditCode == code);
        Assert.Equal("https://screens.example.cn", stored.Website);
        Assert.False(await db.Contacts.AnyAsync(c => c.EnterpriseId == stored.Id));
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(Contact) && a.Action == Domain.Auditing.AuditAction.Deleted).Select(a => a.Changes).ToListAsync();
        Assert.Contains(audited, changes => changes.Contains("13900000002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_phone_an_officer_completes_one_follow_up_and_reschedules_another_to_next_week()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (done, moved) = ($"完成回访{tag}", $"改期拜访{tag}");
        await AddFollowUpsForOfficerAsync(done, moved);
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await app.JourneyAsync(page, "screens-follow-ups-phone", async () =>
        {
            await TwoStep.SignInAsync(page, "officer");
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            var today = page.Locator("[data-testid=follow-ups-today]");
            await today.Locator("[data-testid=follow-up-item]").Filter(new() { HasText = moved }).WaitForAsync();
            await BrowserApp.ScreenshotAsync(page, "84-my-follow-ups-phone");

            await today.Locator("[data-testid=follow-up-item]").Filter(new() { HasText = done }).Locator("button[aria-label='完成']").ClickAsync();
            await today.Locator("[data-testid=follow-up-item]").Filter(new() { HasText = done }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

            await today.Locator("[data-testid=follow-up-item]").Filter(new() { HasText = moved }).Locator("[data-testid=follow-up-actions] button").First.ClickAsync();
            await page.ClickAsync(".mud-popover-open [data-testid=follow-up-reschedule]");
            await page.WaitForSelectorAsync("[data-testid=follow-up-dialog]");
            await page.ClickAsync("[data-testid=due-next-week]");
            await page.FillAsync("[data-testid=follow-up-reason] input, input[data-testid=follow-up-reason]", "客户出差");
            await BrowserApp.ScreenshotAsync(page, "85-follow-up-reschedule-phone");
            await page.ClickAsync("[data-testid=follow-up-save]");
            await page.Locator("[data-testid=follow-ups-upcoming] [data-testid=follow-up-item]").Filter(new() { HasText = moved }).WaitForAsync();
            await page.WaitForSelectorAsync(".mud-dialog", new() { State = WaitForSelectorState.Detached });
            await BrowserApp.ScreenshotAsync(page, "86-follow-up-rescheduled-phone");
            await AssertFitsAsync(page, 390);
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.FollowUps.Where(f => f.Title == done || f.Title == moved).ToListAsync();
        Assert.Equal(FollowUpStatus.Done, rows.Single(f => f.Title == done).Status);
        var rescheduled = rows.Single(f => f.Title == moved);
        Assert.Equal((FollowUpStatus.Open, "客户出差"), (rescheduled.Status, rescheduled.RescheduleReason));
        Assert.True(rescheduled.DueOn > rows.Single(f => f.Title == done).DueOn);
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at a {width} px viewport.");
    }

    private static string NewCreditCode()
    {
        var first17 = "91320583" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private async Task AddContactAsync(Guid enterpriseId, string name, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contact = new Contact(enterpriseId, name);
        contact.Reach("总经理", phone, null, null);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
    }

    /// <summary>Two follow-ups of the demo officer due today (Kunshan), on a project of theirs.</summary>
    private async Task AddFollowUpsForOfficerAsync(params string[] titles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var officer = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
        var code = $"KF-{Guid.NewGuid():N}"[..12];
        var enterprise = new Enterprise($"跟进旅程企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"跟进旅程项目 {code}", SourceChannel.Expo, officer, DateTime.UtcNow.AddDays(-30));
        project.Place(enterprise.Id, null, null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        db.AddRange(enterprise, project);
        db.FollowUps.AddRange(titles.Select(t => new FollowUp(project.Id, officer, today, t, officer, DateTime.UtcNow)));
        await db.SaveChangesAsync();
    }
}
