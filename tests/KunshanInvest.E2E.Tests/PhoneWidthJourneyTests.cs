using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Issue 18, "phone first": every role opens every page it can reach on a phone-sized screen (390×844, and the small
/// 360×740), and no page is wider than the screen: <c>document.documentElement.scrollWidth</c> never exceeds
/// <c>window.innerWidth</c>, nothing inside scrolls sideways, and no table fits only by squeezing its cells to a
/// character or two per line. A failure names the page, the role and the elements at fault. Every page is
/// kept as a screenshot (the list pages as cards), in the folder the other journeys use. ADR 0036.
/// </summary>
public sealed class PhoneWidthJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// What makes a page wider than the screen, or null when it fits: the document scrolling sideways (naming the
    /// outermost elements sticking out, widest first), a box scrolling sideways inside the page (a table kept as a
    /// table in a scroll container), and a table squeezed until its cells stand a character or two per line: a cell
    /// narrower than three characters whose text breaks over three lines or more (a table that should have become
    /// cards: it "fits" only by breaking every word). Each culprit as tag[data-testid].class.
    /// </summary>
    private const string Overflow = """
        () => {
            const vw = window.innerWidth;
            const sw = document.documentElement.scrollWidth;
            const name = e => {
                const id = e.getAttribute('data-testid');
                const cls = [...e.classList].slice(0, 3).join('.');
                return `${e.tagName.toLowerCase()}${id ? '[data-testid=' + id + ']' : ''}${cls ? '.' + cls : ''}`;
            };
            const near = e => { const t = e.closest('[data-testid]'); return t && t !== e ? ` in ${name(t)}` : ''; };
            const problems = [];
            if (sw > vw) {
                const culprits = [];
                for (const e of document.body.querySelectorAll('*')) {
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.right <= vw + 1) continue;
                    const p = e.parentElement && e.parentElement.getBoundingClientRect();
                    if (p && p.right > vw + 1) continue;
                    culprits.push({ right: r.right, text: `${name(e)}${near(e)} (width ${Math.round(r.width)}, right ${Math.round(r.right)})` });
                }
                culprits.sort((a, b) => b.right - a.right);
                problems.push(`scrollWidth ${sw} > innerWidth ${vw}; widest: ${culprits.slice(0, 3).map(c => c.text).join(' | ') || '(none found)'}`);
            }
            for (const e of document.querySelectorAll('.mud-main-content *')) {
                const s = getComputedStyle(e);
                if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
                    problems.push(`${name(e)}${near(e)} scrolls sideways (content ${e.scrollWidth} in ${e.clientWidth})`);
                }
            }
            const squeezed = [...document.querySelectorAll('.mud-main-content td, .mud-main-content th')].filter(c => {
                const s = getComputedStyle(c);
                if (s.display !== 'table-cell' || c.offsetParent === null) return false;
                const text = c.innerText.trim();
                const inner = c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                if (text.length < 4 || inner >= 2.5 * parseFloat(s.fontSize)) return false;
                const range = document.createRange();
                range.selectNodeContents(c);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                return lines.size >= 3;
            });
            if (squeezed.length > 0) {
                problems.push(`${squeezed.length} table cell(s) squeezed narrower than three characters, e.g. ${name(squeezed[0])}${near(squeezed[0])} "${squeezed[0].innerText.trim().slice(0, 12)}" (${squeezed[0].clientWidth} px)`);
            }
            return problems.length === 0 ? null : problems.slice(0, 4).join('; ');
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
