using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace KunshanInvest.E2E.Tests;

/// <summary>
/// Every page of the Web assembly a demo user can reach, with a URL for each: the one enumeration the journeys that
/// visit every page for every role share (one language, the phone width).
/// </summary>
public static partial class RoutablePages
{
    /// <summary>The demo users, one per role.</summary>
    public static readonly (string User, string Role)[] Users =
        [("officer", "Officer"), ("manager", "Manager"), ("admin", "Admin"), ("partner", "Partner"), ("auditor", "Auditor"), ("dept", "Department")];

    public static string RoleOf(string user) => Users.Single(u => u.User == user).Role;

    /// <summary>The route templates a role may open, in a stable order.</summary>
    public static IEnumerable<string> For(string role) =>
        Routes().Where(r => r.Roles is null || r.Roles.Contains(role)).Select(r => r.Template).Order(StringComparer.Ordinal);

    /// <summary>The routable pages of the Web assembly and the roles that may open them (null: any signed-in user).</summary>
    public static IEnumerable<(string Template, string[]? Roles)> Routes()
    {
        foreach (var type in typeof(Web.WebUi).Assembly.GetTypes())
        {
            var roles = type.GetCustomAttribute<AuthorizeAttribute>() is { } authorize
                ? authorize.Roles?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : null;
            foreach (var route in type.GetCustomAttributes<RouteAttribute>())
            {
                // The account pages are the sign-in's own steps; the partner registration is for the signed-out.
                if ((route.Template.StartsWith("/account", StringComparison.Ordinal) && route.Template != "/account/settings") || route.Template == "/portal/register")
                {
                    continue;
                }

                yield return (route.Template, roles);
            }
        }
    }

    /// <summary>A route with its id filled from the first link its list page shows (the role's own data).</summary>
    public static async Task<string?> UrlOfAsync(IPage page, string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var prefix = template[..template.IndexOf("/{", StringComparison.Ordinal)];
        var pages = Routes().Select(r => r.Template).ToHashSet(StringComparer.Ordinal);
        foreach (var list in new[] { prefix, prefix[..Math.Max(1, prefix.LastIndexOf('/'))] }.Where(pages.Contains))
        {
            await page.GotoAsync(list);
            await page.WaitForSelectorAsync("[data-testid=interactive]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var href = await page.EvaluateAsync<string?>(
                $"() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).find(h => /^{Regex.Escape(prefix).Replace("/", "\\/", StringComparison.Ordinal)}\\/[0-9a-f-]{{36}}$/.test(h)) ?? null");
            if (href is not null)
            {
                return href;
            }
        }

        return null;
    }

    /// <summary>A file-name-safe name of a route ("home" for the root).</summary>
    public static string Slug(string route) => route == "/" ? "home" : SlugChars().Replace(route.Trim('/'), "-");

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugChars();
}
