using KunshanInvest.Testing;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>The sign-in's second step as a person does it: the demo admin types the code their authenticator shows.</summary>
public static class TwoStep
{
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
