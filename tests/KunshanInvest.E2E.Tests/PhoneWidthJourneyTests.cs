using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Issue 18, "phone first": every role opens every page it can reach on a phone-sized screen (390×844, and the small
/// 360×740), and no page is wider than the screen — <c>document.documentElement.scrollWidth</c> never exceeds
/// <c>window.innerWidth</c>. A failure names the page, the role and the widest elements sticking out. Every page is
/// kept as a screenshot (the list pages as cards), in the folder the other journeys use. ADR 0036.
/// </summary>
public sealed class PhoneWidthJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// Elements sticking out of the viewport whose parent does not: the outermost culprits, widest first, each as
    /// tag#testid.class (its width and right edge), at most three. Empty when the page fits.
    /// </summary>
    private const string Overflow = """
        () => {
            const vw = window.innerWidth;
            const sw = document.documentElement.scrollWidth;
            if (sw <= vw) return null;
            const culprits = [];
            for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.right <= vw + 1) continue;
                const p = e.parentElement && e.parentElement.getBoundingClientRect();
                if (p && p.right > vw + 1) continue;
                const id = e.getAttribute('data-testid');
                const cls = [...e.classList].slice(0, 3).join('.');
                culprits.push({ right: r.right, text: `${e.tagName.toLowerCase()}${id ? '[data-testid=' + id + ']' : ''}${cls ? '.' + cls : ''} (width ${Math.round(r.width)}, right ${Math.round(r.right)})` });
            }
            culprits.sort((a, b) => b.right - a.right);
            return `scrollWidth ${sw} > innerWidth ${vw}; widest: ${culprits.slice(0, 3).map(c => c.text).join(' | ') || '(none found)'}`;
        }
        """;

    public static TheoryData<string, int, int> RolesAndScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var (width, height) in new[] { (390, 844), (360, 740) })
        {
            foreach (var (user, _) in RoutablePages.Users)
            {
                data.Add(user, width, height);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndScreens))]
    public async Task No_page_a_role_reaches_is_wider_than_a_phone(string user, int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var findings = new List<string>();
        await app.JourneyAsync(page, $"width{width}-{user}", async () =>
        {
            await TwoStep.SignInAsync(page, user);
            foreach (var route in RoutablePages.For(RoutablePages.RoleOf(user)))
            {
                if (await RoutablePages.UrlOfAsync(page, route) is not { } url)
                {
                    continue; // nothing of that kind for this role (e.g. no submission to open)
                }

                await page.GotoAsync(url);
                await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForTimeoutAsync(300);
                if (await page.EvaluateAsync<string?>(Overflow) is { } overflow)
                {
                    findings.Add($"{route} ({url}) as {user} at {width}×{height}: {overflow}");
                }

                await BrowserApp.ScreenshotAsync(page, $"width{width}-{user}-{RoutablePages.Slug(route)}");
            }
        });

        var report = Path.Combine(BrowserApp.ScreenshotFolder, $"width{width}-{user}.txt");
        await File.WriteAllTextAsync(report, string.Join(Environment.NewLine, findings));
        Assert.True(findings.Count == 0, $"{findings.Count} page(s) wider than the screen for {user} at {width}×{height}:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    }
}
