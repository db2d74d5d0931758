using KunshanInvest.Testing;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>The sign-in's second step as a person does it: the demo admin types the code their authenticator shows.</summary>
public static class TwoStep
{
    /// <summary>Signs a demo user in through the form (and, for the admin, its second step), then waits for the live page.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo#2026");
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await PassAsync(page, userName);
        await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// The code a token request of <paramref name="userName"/> to the app at <paramref name="baseUrl"/> needs (null but
    /// for the demo admin). Shares the browser's count of used codes, as the app refuses a code twice.
    /// </summary>
    public static async Task<string?> ApiCodeAsync(string baseUrl, string userName) =>
        userName == "admin" ? await DemoAuthenticator.FreshCodeAsync(new Uri(baseUrl).GetLeftPart(UriPartial.Authority) + ":admin") : null;

    /// <summary>After the password form: for the demo admin, enters a fresh authenticator code on the second-step page.</summary>
    public static async Task PassAsync(IPage page, string userName)
    {
        if (userName != "admin")
        {
            return;
        }

        await page.WaitForSelectorAsync("[data-testid=two-factor-form]");
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        await page.FillAsync("#code", await DemoAuthenticator.FreshCodeAsync(origin + ":admin"));
        await page.ClickAsync("[data-testid=two-factor-submit]");
    }
}
